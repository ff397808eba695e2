// Map tools: measure distance / area on the ellipsoid, draw a site for the siting check, and find the
// cameras covering a point. One tool at a time; Escape or "clear" ends it.
import { ApiError, postJson } from './api.js';
import { polygonArea, SQUARE_METRES_PER_MU } from './geo.js';
import { t, lang, formatNumber, localized, fieldLabel } from './i18n.js';
import { notify } from './notice.js';
import { openPanel, paragraph, valueNode } from './panel.js';
import { pickCartographic, keepRendering } from './scene.js';
import { showCoverage } from './cameras.js';

const Cesium = window.Cesium;

export function formatDistance(metres) {
  return metres >= 1000 ? `${formatNumber(metres / 1000, 3)} km` : `${formatNumber(metres, 1)} m`;
}

export function formatArea(m2) {
  const parts = [m2 >= 1e6 ? `${formatNumber(m2 / 1e6, 4)} km²` : `${formatNumber(m2, 1)} m²`];
  if (lang() === 'zh-CN') parts.push(`${formatNumber(m2 / SQUARE_METRES_PER_MU, 2)} ${t('measure.mu')}`);
  else if (m2 >= 1e4) parts.push(`${formatNumber(m2 / 1e4, 2)} ha`);
  return parts.join(' / ');
}

/** Length in metres of a path of [lon, lat] degrees along ellipsoid geodesics. */
export function pathLength(points) {
  const geodesic = new Cesium.EllipsoidGeodesic();
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    geodesic.setEndPoints(Cesium.Cartographic.fromDegrees(...points[i - 1]), Cesium.Cartographic.fromDegrees(...points[i]));
    sum += geodesic.surfaceDistance;
  }
  return sum;
}

export class Tools {
  constructor(viewer) {
    this.viewer = viewer;
    this.mode = null;
    this.points = [];
    this.drawn = new Cesium.CustomDataSource('tools');
    viewer.dataSources.add(this.drawn);
    this.handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
    // The default double-click flies to an entity: it would fight the "double-click to finish" gesture.
    viewer.cesiumWidget.screenSpaceEventHandler.removeInputAction(Cesium.ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    this.handler.setInputAction(() => this.finish(), Cesium.ScreenSpaceEventType.LEFT_DOUBLE_CLICK);
    this.handler.setInputAction((e) => this.move(e.endPosition), Cesium.ScreenSpaceEventType.MOUSE_MOVE);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.stop(); });
    for (const b of document.querySelectorAll('[data-tool]')) b.addEventListener('click', () => this.start(b.dataset.tool));
    document.getElementById('btn-clear').addEventListener('click', () => { this.stop(); this.drawn.entities.removeAll(); viewer.scene.requestRender(); });
    this.siteDialog = document.getElementById('site-dialog');
    document.getElementById('site-cancel').addEventListener('click', () => this.siteDialog.close('cancel'));
    this.siteDialog.addEventListener('close', () => { if (this.siteDialog.returnValue === 'ok') this.runSiteCheck(); });
  }

  active() {
    return this.mode !== null;
  }

  start(mode) {
    this.stop();
    this.mode = mode;
    this.points = [];
    this.hover = null;
    for (const b of document.querySelectorAll('[data-tool]')) b.classList.toggle('active', b.dataset.tool === mode);
    notify(`tool.${mode}Hint`);
    if (mode === 'coverage') return;
    const positions = new Cesium.CallbackProperty(() => this.cartesians(true), false);
    this.preview = this.drawn.entities.add({
      polyline: { positions, width: 3, material: Cesium.Color.ORANGE, clampToGround: true },
    });
    if (mode !== 'distance') {
      this.previewFill = this.drawn.entities.add({
        polygon: {
          hierarchy: new Cesium.CallbackProperty(() => new Cesium.PolygonHierarchy(this.cartesians(true)), false),
          material: Cesium.Color.ORANGE.withAlpha(0.3),
        },
      });
    }
  }

  stop() {
    if (this.preview) this.drawn.entities.remove(this.preview);
    if (this.previewFill) this.drawn.entities.remove(this.previewFill);
    this.preview = this.previewFill = null;
    this.mode = null;
    for (const b of document.querySelectorAll('[data-tool]')) b.classList.remove('active');
    this.viewer.scene.requestRender();
  }

  cartesians(withHover) {
    const pts = withHover && this.hover ? [...this.points, this.hover] : this.points;
    const closed = this.mode !== 'distance' && pts.length > 2 ? [...pts, pts[0]] : pts;
    return closed.map(([lon, lat]) => Cesium.Cartesian3.fromDegrees(lon, lat));
  }

  at(position) {
    const c = pickCartographic(this.viewer, position);
    return c ? [Cesium.Math.toDegrees(c.longitude), Cesium.Math.toDegrees(c.latitude)] : null;
  }

  /** A left click on the map; returns true when a tool took it (the map's own picking then stays out). */
  click(position) {
    if (!this.mode) return false;
    const p = this.at(position);
    if (!p) return true;
    if (this.mode === 'coverage') {
      this.stop();
      this.marker(p, '⌖');
      showCoverage(p);
      return true;
    }
    const last = this.points[this.points.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-9 || Math.abs(last[1] - p[1]) > 1e-9) this.points.push(p);
    this.viewer.scene.requestRender();
    return true;
  }

  move(position) {
    if (!this.mode || this.mode === 'coverage' || !this.points.length) return;
    this.hover = this.at(position);
    this.viewer.scene.requestRender();
  }

  /** Adds the points given as [lon, lat] and finishes: the same path as clicking (used by tests and shared URLs). */
  drawPoints(mode, points) {
    this.start(mode);
    this.points = points.map((p) => [...p]);
    return this.finish();
  }

  finish() {
    const mode = this.mode;
    const points = this.points;
    this.hover = null;
    if (!mode || mode === 'coverage') return null;
    this.stop();
    if (mode === 'distance') {
      if (points.length < 2) return null;
      const metres = pathLength(points);
      this.drawn.entities.add({ polyline: { positions: points.map((p) => Cesium.Cartesian3.fromDegrees(...p)), width: 3, material: Cesium.Color.ORANGE, clampToGround: true } });
      this.marker(points[points.length - 1], `${t('measure.distance')} ${formatDistance(metres)}`);
      openPanel(t('measure.distance'), [paragraph(formatDistance(metres), 'result')], { kind: 'measure' });
      return metres;
    }
    if (points.length < 3) { notify('site.tooSmall'); return null; }
    this.polygon(points, mode === 'site' ? Cesium.Color.DEEPSKYBLUE : Cesium.Color.ORANGE);
    if (mode === 'area') {
      const m2 = polygonArea(points);
      this.marker(centroid(points), `${t('measure.area')} ${formatArea(m2)}`);
      openPanel(t('measure.area'), [paragraph(formatArea(m2), 'result')], { kind: 'measure' });
      return m2;
    }
    this.site = points;
    this.siteDialog.showModal();
    return points.length;
  }

  polygon(points, color) {
    this.drawn.entities.add({
      polygon: { hierarchy: points.map((p) => Cesium.Cartesian3.fromDegrees(...p)), material: color.withAlpha(0.3) },
      polyline: { positions: [...points, points[0]].map((p) => Cesium.Cartesian3.fromDegrees(...p)), width: 2, material: color, clampToGround: true },
    });
    this.viewer.scene.requestRender();
  }

  marker([lon, lat], text) {
    this.drawn.entities.add({
      position: Cesium.Cartesian3.fromDegrees(lon, lat),
      label: {
        text, font: '14px sans-serif', fillColor: Cesium.Color.WHITE, outlineColor: Cesium.Color.BLACK, outlineWidth: 3,
        style: Cesium.LabelStyle.FILL_AND_OUTLINE, verticalOrigin: Cesium.VerticalOrigin.BOTTOM,
        heightReference: Cesium.HeightReference.CLAMP_TO_GROUND, disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
    keepRendering(this.viewer);
  }

  async runSiteCheck() {
    const ring = [...this.site, this.site[0]];
    const projectType = new FormData(document.getElementById('site-form')).get('projectType');
    openPanel(t('site.report'), [paragraph(t('site.running'), 'muted')], { kind: 'site' });
    try {
      const report = await postJson('ogc/processes/siting-check/execution', {
        inputs: { site: { type: 'Polygon', coordinates: [ring] }, projectType },
      }, { Prefer: 'respond-sync', 'Accept-Language': lang() });
      openPanel(t('site.report'), renderReport(report), { kind: 'site' });
    } catch (e) {
      const message = e instanceof ApiError && e.missing ? t('site.unavailable') : `${t('site.failed')}: ${e.message}`;
      openPanel(t('site.report'), [paragraph(message, 'error')], { kind: 'site' });
    }
  }
}

function centroid(points) {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

/** A generic, readable rendering of the siting report: scalars as rows, lists of records as tables. */
export function renderReport(report) {
  const nodes = [];
  const links = Array.isArray(report?.links) ? report.links : [];
  const html = links.find((l) => /html|pdf/.test(l.type ?? '') || l.rel === 'alternate');
  if (html) {
    const a = document.createElement('a');
    a.href = html.href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = t('site.printable');
    nodes.push(a);
  }
  nodes.push(renderValue(report, 0));
  return nodes;
}

function renderValue(value, depth) {
  if (value === null || typeof value !== 'object') return valueNode(value ?? '—');
  if (Array.isArray(value)) {
    if (value.length && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      const table = document.createElement('table');
      table.className = 'report-table';
      const keys = [...new Set(value.flatMap((v) => Object.keys(v)))].filter((k) => k !== 'links' && k !== 'geometry');
      const head = document.createElement('tr');
      for (const k of keys) { const th = document.createElement('th'); th.textContent = fieldLabel(k); head.append(th); }
      table.append(head);
      for (const row of value) {
        const tr = document.createElement('tr');
        for (const k of keys) { const td = document.createElement('td'); td.append(renderValue(row[k], depth + 1)); tr.append(td); }
        table.append(tr);
      }
      return table;
    }
    return document.createTextNode(value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : localized(v))).join(', ') : t('common.none'));
  }
  if ('zh' in value || 'en' in value) return document.createTextNode(localized(value));
  const dl = document.createElement('dl');
  dl.className = `report depth-${depth}`;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'links' || k === 'geometry' || k === 'type' && depth === 0) continue;
    const dt = document.createElement('dt');
    dt.textContent = fieldLabel(k);
    const dd = document.createElement('dd');
    dd.append(renderValue(v, depth + 1));
    dl.append(dt, dd);
  }
  return dl;
}
