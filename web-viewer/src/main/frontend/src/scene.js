// The Cesium scene: offline base layers, our terrain / imagery / 3D buildings, home view, scene modes,
// coordinates and elevation under the cursor, and a scale bar.
import { url } from './api.js';
import { t, formatNumber, onLangChange } from './i18n.js';
import { notifySticky } from './notice.js';

const Cesium = window.Cesium;

/** Xiangshan County, Zhejiang: the home view looks north at the county centre from the south. */
export const HOME = { lon: 121.87, lat: 29.47, height: 60000, pitch: -55 };

function homeDestination() {
  // Step back south so that the view centre (not the camera) is over the county.
  const back = HOME.height / Math.tan(Cesium.Math.toRadians(-HOME.pitch)) / 111320;
  return Cesium.Cartesian3.fromDegrees(HOME.lon, HOME.lat - back, HOME.height);
}

export function createViewer(container) {
  // No Cesium ion: no token, no ion imagery, geocoder or base layer picker. Everything comes from this server.
  Cesium.Ion.defaultAccessToken = '';
  const viewer = new Cesium.Viewer(container, {
    baseLayer: false,
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    projectionPicker: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    vrButton: false,
    infoBox: false,
    selectionIndicator: true,
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  // ?mse=8 trades detail for speed (software rendering, tests); the default is Cesium's own.
  viewer.scene.globe.maximumScreenSpaceError = Number(new URLSearchParams(location.search).get('mse')) || 2;
  viewer.scene.globe.baseColor = Cesium.Color.fromCssColorString('#0b2740');
  viewer.scene.screenSpaceCameraController.enableCollisionDetection = true;
  viewer.cesiumWidget.creditContainer.classList.add('credits');
  return viewer;
}

/**
 * Keeps rendering for a while after a change. With requestRenderMode CesiumJS draws only on request,
 * but new label glyphs reach its texture atlas a frame or two later: without further frames a label
 * would stay half drawn.
 */
export function keepRendering(viewer, ms = 1000) {
  const until = performance.now() + ms;
  if (viewer.tidemarkRenderUntil && viewer.tidemarkRenderUntil >= until) { viewer.scene.requestRender(); return; }
  const first = !viewer.tidemarkRenderUntil;
  viewer.tidemarkRenderUntil = until;
  if (first) {
    viewer.scene.postRender.addEventListener(() => {
      if (viewer.tidemarkRenderUntil && performance.now() < viewer.tidemarkRenderUntil) {
        setTimeout(() => viewer.scene.requestRender(), 50);
      }
    });
  }
  viewer.scene.requestRender();
}

/** The offline world image shipped with CesiumJS, under our own basemap tiles when the server has them. */
export async function addBaseLayers(viewer) {
  const natural = await Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'));
  viewer.imageryLayers.addImageryProvider(natural);
  const template = 'tiles/basemap/WebMercatorQuad/{z}/{x}/{y}.png';
  if (await probe(template.replace('{z}/{x}/{y}', '0/0/0'))) {
    viewer.imageryLayers.addImageryProvider(new Cesium.UrlTemplateImageryProvider({
      url: url(template),
      tilingScheme: new Cesium.WebMercatorTilingScheme(),
      maximumLevel: 19,
      credit: t('app.title'),
    }));
  } else {
    notifySticky('status.imageryMissing');
  }
}

export async function addTerrain(viewer) {
  // Cesium treats a missing layer.json as an old-format heightmap set and keeps asking for tiles:
  // check that the service exists first.
  if (!(await probe('tiles/terrain/layer.json'))) {
    notifySticky('status.terrainMissing');
    return null;
  }
  try {
    const provider = await Cesium.CesiumTerrainProvider.fromUrl(url('tiles/terrain'), {
      requestVertexNormals: true,
      requestWaterMask: true,
    });
    viewer.terrainProvider = provider;
    viewer.scene.globe.depthTestAgainstTerrain = true;
    return provider;
  } catch (e) {
    notifySticky('status.terrainMissing');
    return null;
  }
}

export async function addBuildings(viewer) {
  try {
    const tileset = await Cesium.Cesium3DTileset.fromUrl(url('tiles/buildings/tileset.json'), {
      maximumScreenSpaceError: 16,
    });
    tileset.style = new Cesium.Cesium3DTileStyle({
      color: {
        conditions: [
          ['${height} >= 60', "color('#c9d6e3')"],
          ['${height} >= 24', "color('#dfe6ec')"],
          ['true', "color('#f2efe8')"],
        ],
      },
    });
    viewer.scene.primitives.add(tileset);
    return tileset;
  } catch (e) {
    notifySticky('status.buildingsMissing');
    return null;
  }
}

async function probe(path) {
  try {
    const response = await fetch(url(path), { method: 'GET' });
    return response.ok;
  } catch {
    return false;
  }
}

export function flyHome(viewer, duration = 1.5) {
  viewer.camera.flyTo({
    destination: homeDestination(),
    orientation: { heading: 0, pitch: Cesium.Math.toRadians(HOME.pitch), roll: 0 },
    duration,
  });
}

export function setHome(viewer) {
  viewer.camera.setView({
    destination: homeDestination(),
    orientation: { heading: 0, pitch: Cesium.Math.toRadians(HOME.pitch), roll: 0 },
  });
}

const MODES = { '3d': 'morphTo3D', '2d': 'morphTo2D', cv: 'morphToColumbusView' };

export function setSceneMode(viewer, mode, duration = 1) {
  const method = MODES[mode];
  if (!method) return;
  viewer.scene[method](duration);
  for (const b of document.querySelectorAll('#scene-modes button')) b.classList.toggle('active', b.dataset.mode === mode);
}

export function sceneModeName(viewer) {
  switch (viewer.scene.mode) {
    case Cesium.SceneMode.SCENE2D: return '2d';
    case Cesium.SceneMode.COLUMBUS_VIEW: return 'cv';
    default: return '3d';
  }
}

/** The globe point under a window position, on terrain or 3D tiles when depth allows, else on the ellipsoid. */
export function pickCartographic(viewer, position) {
  const scene = viewer.scene;
  let cartesian;
  if (scene.pickPositionSupported && scene.globe.depthTestAgainstTerrain) {
    cartesian = scene.pickPosition(position);
  }
  if (!cartesian) {
    const ray = viewer.camera.getPickRay(position);
    cartesian = ray && scene.globe.pick(ray, scene);
  }
  if (!cartesian) cartesian = viewer.camera.pickEllipsoid(position, scene.globe.ellipsoid);
  return cartesian ? Cesium.Cartographic.fromCartesian(cartesian) : undefined;
}

export function installCursorReadout(viewer) {
  const out = document.getElementById('cursor-coords');
  let last;
  const show = () => {
    if (!last) return;
    const lon = Cesium.Math.toDegrees(last.longitude);
    const lat = Cesium.Math.toDegrees(last.latitude);
    const height = viewer.scene.globe.getHeight(last);
    const elevation = height === undefined ? '—' : `${formatNumber(height, 1)} m`;
    out.textContent = `${t('status.lon')} ${formatNumber(lon, 5)}°  ${t('status.lat')} ${formatNumber(lat, 5)}°  ${t('status.elevation')} ${elevation}`;
  };
  const handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
  let pending = false;
  handler.setInputAction((movement) => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      last = pickCartographic(viewer, movement.endPosition);
      show();
    });
  }, Cesium.ScreenSpaceEventType.MOUSE_MOVE);
  onLangChange(show);
}

const NICE = [1, 2, 5];

/** A scale bar of at most 120 px measuring the ground distance across the bottom centre of the view. */
export function installScaleBar(viewer) {
  const bar = document.getElementById('scale-bar');
  const label = document.getElementById('scale-label');
  const geodesic = new Cesium.EllipsoidGeodesic();
  const update = () => {
    const scene = viewer.scene;
    const width = scene.canvas.clientWidth;
    const height = scene.canvas.clientHeight;
    if (!width || !height) return;
    const y = height - 1;
    const left = viewer.camera.getPickRay(new Cesium.Cartesian2((width / 2) | 0, y));
    const right = viewer.camera.getPickRay(new Cesium.Cartesian2(((width / 2) | 0) + 1, y));
    const a = left && scene.globe.pick(left, scene);
    const b = right && scene.globe.pick(right, scene);
    if (!a || !b) { bar.style.width = '0'; label.textContent = ''; return; }
    geodesic.setEndPoints(Cesium.Cartographic.fromCartesian(a), Cesium.Cartographic.fromCartesian(b));
    const perPixel = geodesic.surfaceDistance;
    const maxMetres = perPixel * 120;
    let nice = 1;
    for (let pow = 0; pow < 8; pow++) {
      for (const m of NICE) {
        const candidate = m * 10 ** pow;
        if (candidate <= maxMetres) nice = candidate;
      }
    }
    bar.style.width = `${Math.round(nice / perPixel)}px`;
    label.textContent = nice >= 1000 ? `${formatNumber(nice / 1000, 0)} km` : `${formatNumber(nice, 0)} m`;
  };
  viewer.camera.percentageChanged = 0.05;
  viewer.camera.changed.addEventListener(update);
  viewer.camera.moveEnd.addEventListener(update);
  viewer.scene.morphComplete.addEventListener(update);
  onLangChange(update);
  setTimeout(update, 500);
}
