// Camera layers (police_cameras, coastal_cameras): icons, 3D view cones from heading / FOV / range,
// a details panel with the stream link, and "which cameras cover this point".
import { ApiError, getJson } from './api.js';
import { destination, inSector } from './geo.js';
import { t, localized, formatNumber, onLangChange } from './i18n.js';
import { notify } from './notice.js';
import { openPanel, propertyTable, paragraph, valueNode, panelKind } from './panel.js';

const Cesium = window.Cesium;
const COLORS = { police_cameras: '#2f7df6', coastal_cameras: '#10a39b' };
const CONE_SEGMENTS = 12;
const PAGE = 1000;
const MAX_PAGES = 20;

/** All cameras of the layers currently shown, for the coverage tool. */
export const cameraRegistry = new Map();

export function cameraIcon(color) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 28 28">`
    + `<circle cx="14" cy="14" r="12.5" fill="${color}" stroke="white" stroke-width="2"/>`
    + `<rect x="7" y="10" width="10" height="8" rx="1.5" fill="white"/><path d="M17 12.5 L22 10 L22 18 L17 15.5 Z" fill="white"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function normaliseCamera(feature, layerId) {
  const p = feature.properties ?? {};
  const [lon, lat] = feature.geometry?.coordinates ?? [NaN, NaN];
  return {
    id: String(feature.id ?? p.code),
    layer: layerId,
    code: p.code ?? feature.id,
    name: p.name ?? p.code ?? feature.id,
    lon, lat,
    heading: Number(p.heading ?? 0),
    fov: Number(p.fov ?? 60),
    range: Number(p.range_m ?? p.range ?? 150),
    height: Number(p.height_m ?? p.height ?? 6),
    stream: p.stream_url ?? p.stream ?? p.url ?? null,
    properties: p,
  };
}

async function fetchCameras(layerId) {
  const cameras = [];
  let path = `ogc/collections/${encodeURIComponent(layerId)}/items?f=json&limit=${PAGE}`;
  for (let page = 0; path && page < MAX_PAGES; page++) {
    const body = await getJson(path);
    for (const f of body.features ?? []) {
      const cam = normaliseCamera(f, layerId);
      if (Number.isFinite(cam.lon) && Number.isFinite(cam.lat)) cameras.push(cam);
    }
    const next = (body.links ?? []).find((l) => l.rel === 'next');
    path = next ? new URL(next.href, document.baseURI).href : null;
  }
  return cameras;
}

/** The cone: apex at the mounting height, fanned over the view sector at ground level, plus its footprint. */
function coneInstance(cam, color, ground) {
  const apex = Cesium.Cartesian3.fromDegrees(cam.lon, cam.lat, ground + cam.height);
  const foot = Cesium.Cartesian3.fromDegrees(cam.lon, cam.lat, ground + 0.5);
  const arc = [];
  for (let i = 0; i <= CONE_SEGMENTS; i++) {
    const bearing = cam.heading - cam.fov / 2 + (cam.fov * i) / CONE_SEGMENTS;
    const [lon, lat] = destination([cam.lon, cam.lat], bearing, cam.range);
    arc.push(Cesium.Cartesian3.fromDegrees(lon, lat, ground + 0.5));
  }
  const points = [apex, foot, ...arc];
  const values = new Float64Array(points.length * 3);
  points.forEach((p, i) => { values[i * 3] = p.x; values[i * 3 + 1] = p.y; values[i * 3 + 2] = p.z; });
  const indices = [];
  for (let i = 0; i < CONE_SEGMENTS; i++) {
    indices.push(0, 2 + i, 3 + i); // the slanted surface from the lens to the far edge
    indices.push(1, 2 + i, 3 + i); // the footprint on the ground
  }
  indices.push(0, 1, 2, 0, 1, 2 + CONE_SEGMENTS); // the two side walls
  return new Cesium.GeometryInstance({
    id: { tidemarkCamera: cam.id },
    geometry: new Cesium.Geometry({
      attributes: {
        position: new Cesium.GeometryAttribute({
          componentDatatype: Cesium.ComponentDatatype.DOUBLE,
          componentsPerAttribute: 3,
          values,
        }),
      },
      indices: new Uint16Array(indices),
      primitiveType: Cesium.PrimitiveType.TRIANGLES,
      boundingSphere: Cesium.BoundingSphere.fromPoints(points),
    }),
    attributes: { color: Cesium.ColorGeometryInstanceAttribute.fromColor(color.withAlpha(0.28)) },
  });
}

/** The catalog handler for a camera layer. */
export function cameraLayer(viewer, layer) {
  const color = Cesium.Color.fromCssColorString(COLORS[layer.id] ?? '#e06c1f');
  const source = new Cesium.CustomDataSource(layer.id);
  viewer.dataSources.add(source);
  let cones = null;
  let cameras = [];
  let alpha = 1;
  let removed = false;

  const buildCones = () => {
    if (cones) viewer.scene.primitives.remove(cones);
    cones = null;
    if (!cameras.length || removed) return;
    const instances = cameras.map((cam) => {
      const h = viewer.scene.globe.getHeight(Cesium.Cartographic.fromDegrees(cam.lon, cam.lat));
      return coneInstance(cam, color.withAlpha(alpha), Number.isFinite(h) ? h : 0);
    });
    cones = viewer.scene.primitives.add(new Cesium.Primitive({
      geometryInstances: instances,
      appearance: new Cesium.PerInstanceColorAppearance({ flat: true, translucent: true, closed: false }),
      asynchronous: false,
    }));
    viewer.scene.requestRender();
  };

  const settle = viewer.scene.globe.tileLoadProgressEvent.addEventListener((pending) => {
    if (pending === 0 && cameras.length) buildCones();
  });

  fetchCameras(layer.id).then((list) => {
    if (removed) return;
    cameras = list;
    const icon = cameraIcon(COLORS[layer.id] ?? '#e06c1f');
    for (const cam of cameras) {
      cameraRegistry.set(cam.id, cam);
      source.entities.add({
        id: `camera:${cam.id}`,
        position: Cesium.Cartesian3.fromDegrees(cam.lon, cam.lat, cam.height),
        billboard: {
          image: icon,
          width: 24,
          height: 24,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
          scaleByDistance: new Cesium.NearFarScalar(2000, 1.2, 120000, 0.6),
        },
        properties: { tidemarkCamera: cam.id },
      });
    }
    buildCones();
  }).catch((e) => {
    notify(e instanceof ApiError && e.missing ? 'camera.unavailable' : 'error.http', { params: { status: e.status } });
  });

  return {
    setOpacity(a) {
      alpha = a;
      for (const entity of source.entities.values) entity.billboard.color = Cesium.Color.WHITE.withAlpha(Math.max(0.2, a));
      buildCones();
    },
    zoomTo() { viewer.flyTo(source); },
    remove() {
      removed = true;
      settle();
      for (const cam of cameras) cameraRegistry.delete(cam.id);
      if (cones) viewer.scene.primitives.remove(cones);
      viewer.dataSources.remove(source, true);
      viewer.scene.requestRender();
    },
  };
}

let shownCamera = null;
onLangChange(() => { if (shownCamera && panelKind() === 'camera') showCamera(shownCamera); });

export function showCamera(cam) {
  shownCamera = cam;
  const body = [];
  const stream = document.createElement('p');
  stream.className = 'stream';
  if (cam.stream) {
    stream.append(`${t('camera.stream')}: `, valueNode(cam.stream));
  } else {
    stream.textContent = t('camera.noStream');
  }
  body.push(stream);
  body.push(propertyTable({ code: cam.code, heading: cam.heading, fov: cam.fov, range_m: cam.range, height_m: cam.height, road: cam.properties.road },
    {}));
  openPanel(`${t(`layer.${cam.layer}`)} · ${localized(cam.name)}`, body, { kind: 'camera' });
}

/** Lists the cameras (of the shown layers) whose view sector contains the point [lon, lat]. */
export function showCoverage(point) {
  const hits = [...cameraRegistry.values()].filter((cam) => inSector(cam, point));
  const body = [paragraph(`${formatNumber(point[0], 5)}°, ${formatNumber(point[1], 5)}°`, 'muted')];
  if (!hits.length) body.push(paragraph(t('camera.coveringNone')));
  const list = document.createElement('ul');
  list.className = 'coverage';
  for (const cam of hits) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = `${localized(cam.name)} (${cam.code})`;
    b.addEventListener('click', () => showCamera(cam));
    li.append(b);
    list.append(li);
  }
  body.push(list);
  openPanel(t('camera.covering'), body, { kind: 'coverage' });
  return hits;
}
