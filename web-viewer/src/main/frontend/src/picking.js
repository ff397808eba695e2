// Click on the map: a camera opens its panel, a gauge its hydrograph, anything else draped as WMS
// imagery is asked through GetFeatureInfo (JSON).
import { t, localized, onLangChange } from './i18n.js';
import { openPanel, propertyTable, paragraph, panelKind } from './panel.js';
import { cameraRegistry, showCamera } from './cameras.js';
import { showHydrograph } from './chart.js';
import { InundationTool } from './inundation.js';

const Cesium = window.Cesium;

export function installPicking(viewer, { gauges, tools }) {
  let range = '24h';
  let current = null;
  const inundation = new InundationTool(viewer);
  const showGauge = (code) => {
    const station = gauges.stations.get(code);
    if (!station) return;
    current = station;
    openPanel(`${gauges.name(station)} (${station.code})`, [propertyTable(gauges.describe(station)), inundation.controls(station)],
      { chart: true, kind: 'gauge' });
    showHydrograph(station, range);
  };
  for (const b of document.querySelectorAll('#chart-box [data-range]')) {
    b.addEventListener('click', () => { range = b.dataset.range; if (current) showHydrograph(current, range); });
  }
  onLangChange(() => { if (current && panelKind() === 'gauge') showGauge(current.code); });

  const handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
  handler.setInputAction(async (click) => {
    if (tools.click(click.position)) return;
    const picked = viewer.scene.pick(click.position);
    const entity = picked?.id instanceof Cesium.Entity ? picked.id : null;
    const props = entity?.properties;
    if (props?.tidemarkGauge) { showGauge(props.tidemarkGauge.getValue()); return; }
    const cameraId = props?.tidemarkCamera?.getValue() ?? picked?.id?.tidemarkCamera;
    if (cameraId && cameraRegistry.has(cameraId)) { showCamera(cameraRegistry.get(cameraId)); return; }
    if (entity) return;
    const ray = viewer.camera.getPickRay(click.position);
    const pending = ray && viewer.imageryLayers.pickImageryLayerFeatures(ray, viewer.scene);
    if (!pending) return;
    openPanel(t('info.title'), [paragraph('…', 'muted')], { kind: 'info' });
    let features = [];
    try {
      features = (await pending) ?? [];
    } catch { features = []; }
    const nodes = [];
    for (const f of features) {
      const layerName = f.imageryLayer?.tidemarkName;
      const h = document.createElement('h3');
      h.textContent = [layerName ? t(`layer.${layerName}`) : '', localized(f.properties?.name ?? f.name ?? '')].filter(Boolean).join(' · ');
      nodes.push(h, propertyTable(f.properties ?? {}, { skip: ['geom'] }));
    }
    if (!nodes.length) nodes.push(paragraph(t('info.nothing'), 'muted'));
    openPanel(t('info.title'), nodes, { kind: 'info' });
  }, Cesium.ScreenSpaceEventType.LEFT_CLICK);

  return { showGauge };
}
