// "If this gauge reaches X m, what floods?": a level slider in a gauge's panel runs the server's
// inundation process (OGC API – Processes) and drapes the flooded area on the terrain.
import { postJson, ApiError } from './api.js';
import { t, formatNumber } from './i18n.js';
import { keepRendering } from './scene.js';

const Cesium = window.Cesium;

export class InundationTool {
  constructor(viewer) {
    this.viewer = viewer;
    this.source = new Cesium.CustomDataSource('inundation');
    viewer.dataSources.add(this.source);
  }

  /** The slider block for a water-level gauge (rain gauges have no level). */
  controls(station) {
    const box = document.createElement('div');
    box.className = 'inundation';
    if (station.kind === 'PP') return box;
    const base = station.value ?? station.warning ?? 0;
    const lo = Math.floor((Math.min(base, station.warning ?? base) - 1) * 10) / 10;
    const hi = Math.ceil((Math.max(base, station.guarantee ?? base) + 3) * 10) / 10;
    const label = document.createElement('label');
    const value = document.createElement('output');
    const slider = Object.assign(document.createElement('input'), { type: 'range', min: lo, max: hi, step: 0.1, value: base });
    slider.setAttribute('data-testid', 'inundation-level');
    value.textContent = `${formatNumber(Number(slider.value), 1)} m`;
    slider.addEventListener('input', () => { value.textContent = `${formatNumber(Number(slider.value), 1)} m`; });
    label.append(`${t('inundation.level')} `, slider, ' ', value);
    const run = Object.assign(document.createElement('button'), { type: 'button', textContent: t('inundation.run') });
    const result = document.createElement('p');
    result.className = 'muted';
    run.addEventListener('click', () => this.run(station.code, Number(slider.value), result));
    box.append(document.createElement('hr'), label, ' ', run, result);
    return box;
  }

  async run(code, level, out) {
    out.textContent = t('inundation.running');
    try {
      const doc = await postJson('ogc/processes/inundation/execution', { inputs: { gauge: code, level } });
      const fc = doc.flooded;
      this.source.entities.removeAll();
      const ds = await Cesium.GeoJsonDataSource.load(fc, { clampToGround: true, fill: Cesium.Color.fromCssColorString('#1f77ff').withAlpha(0.45), stroke: Cesium.Color.fromCssColorString('#0b3d91') });
      for (const e of ds.entities.values) this.source.entities.add(e);
      const p = fc.properties;
      out.textContent = t('inundation.result')
        .replace('{area}', formatNumber(p.floodedAreaM2 / 1e6, 2))
        .replace('{depth}', formatNumber(p.maxDepthM, 1))
        .replace('{buildings}', formatNumber(p.buildingCount, 0))
        .replace('{roads}', formatNumber(p.roads.length, 0))
        .replace('{cameras}', formatNumber(p.cameras.length, 0));
      keepRendering(this.viewer);
    } catch (e) {
      out.textContent = e instanceof ApiError && e.missing ? t('inundation.unavailable') : `${t('inundation.failed')}: ${e.message}`;
    }
  }
}
