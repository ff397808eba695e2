// Entry point of the Tidemark viewer.
import './style.css';
import { applyStatic, lang, onLangChange, setLang, t } from './i18n.js';
import { notify, refreshNotices } from './notice.js';
import { createViewer, addBaseLayers, addTerrain, addBuildings, setHome, flyHome, setSceneMode, installCursorReadout, installScaleBar } from './scene.js';
import { CatalogPanel } from './catalog.js';
import { cameraLayer } from './cameras.js';
import { GaugeLayer, normaliseReading } from './gauges.js';
import { LiveFeed } from './live.js';
import { AlertPanel } from './alerts.js';
import { installPanel } from './panel.js';
import { installPicking } from './picking.js';
import { Tools } from './tools.js';
import { Account } from './auth.js';
import { applyViewParam, layersParam, share } from './share.js';
import { GaugeHistory } from './history.js';
import { Timeline } from './timeline.js';
import { chartOption, setChartTime } from './chart.js';

/** Layers shown on first open when the URL names none. */
const DEFAULT_LAYERS = ['gauges', 'flood_zones', 'police_cameras'];

// State and timings for people and browser tests alike (performance.now() milliseconds).
const state = { ready: false, firstFrameMs: null, settledMs: null, frames: 0, liveState: 'idle', readings: 0, errors: [], cspViolations: [] };
// Keep every resource timing entry (tiles are hundreds): tests and measurements read bytes and requests from them.
performance.setResourceTimingBufferSize?.(100000);
window.tidemark = state;
window.addEventListener('error', (e) => state.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => state.errors.push(String(e.reason?.message ?? e.reason)));
document.addEventListener('securitypolicyviolation', (e) => state.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));

function start() {
  applyStatic(document);
  installPanel();
  document.getElementById('btn-lang').addEventListener('click', () => setLang(lang() === 'en' ? 'zh-CN' : 'en'));
  onLangChange(refreshNotices);

  if (!window.Cesium) { notify('status.noWebgl', { transient: false }); return; }
  let viewer;
  try {
    viewer = createViewer(document.getElementById('cesiumContainer'));
  } catch (e) {
    notify('status.noWebgl', { transient: false });
    state.errors.push(String(e.message));
    return;
  }
  state.viewer = viewer;
  const removeFirstFrame = viewer.scene.postRender.addEventListener(() => {
    state.firstFrameMs = performance.now();
    removeFirstFrame();
  });
  viewer.scene.postRender.addEventListener(() => { state.frames++; });

  if (!applyViewParam(viewer)) setHome(viewer);
  const mode = new URLSearchParams(location.search).get('mode');
  setSceneMode(viewer, ['2d', 'cv'].includes(mode) ? mode : '3d', 0);
  installCursorReadout(viewer);
  installScaleBar(viewer);

  document.getElementById('btn-home').addEventListener('click', () => flyHome(viewer));
  for (const b of document.querySelectorAll('#scene-modes button')) b.addEventListener('click', () => setSceneMode(viewer, b.dataset.mode));
  const help = document.getElementById('help-dialog');
  document.getElementById('btn-help').addEventListener('click', () => help.showModal());

  const gauges = new GaugeLayer(viewer);
  const alerts = new AlertPanel({
    stationName: (code) => { const s = gauges.stations.get(code); return s ? gauges.name(s) : code; },
    onSelect: (code) => picking.showGauge(code),
  });
  const catalog = new CatalogPanel(viewer, {
    handlers: { gauges: gauges.handler(), police_cameras: cameraLayer, coastal_cameras: cameraLayer },
    initiallyOn: layersParam() ?? DEFAULT_LAYERS,
    onChange: () => {},
  });
  const tools = new Tools(viewer);
  const picking = installPicking(viewer, { gauges, tools });
  // Another user sees other layers: the catalog is read again and the shown layers are rebuilt with the new token.
  const account = new Account({ onChange: () => catalog.load({ reset: true }) });
  Object.assign(state, { gauges, alerts, catalog, tools, account, picking });

  document.getElementById('btn-share').addEventListener('click', () => share(viewer, { layers: catalog.activeIds(), time: catalog.time }));
  const history = new GaugeHistory(gauges);
  const timeline = new Timeline({ catalog, gauges, history });
  // The gauge chart shows the window ending at the slider's time (and the live window at "now").
  setChartTime(timeline.time());
  timeline.follow(setChartTime);
  Object.assign(state, { history, timeline, chartOption });

  const live = new LiveFeed({
    onReading: (raw) => { state.readings++; gauges.apply(normaliseReading(raw)); },
    onAlert: (raw) => {
      const alert = alerts.add(raw);
      if (alert) gauges.flash(alert.station);
    },
    onState: (s) => {
      state.liveState = s;
      document.getElementById('live-status').textContent = t(`live.${s}`);
    },
  });
  state.live = live;
  onLangChange(() => { document.getElementById('live-status').textContent = state.liveState === 'idle' ? '' : t(`live.${state.liveState}`); });

  (async () => {
    await account.restore();
    // The base map and the data panels load side by side: neither waits for the other.
    const basemap = Promise.all([addTerrain(viewer), addBaseLayers(viewer), addBuildings(viewer)]).then(([terrain, , buildings]) => {
      state.terrain = Boolean(terrain);
      state.buildings = buildings;
      watchSettled(viewer, buildings);
      viewer.scene.requestRender();
    });
    const panels = (async () => {
      await catalog.load();
      await alerts.loadRecent();
      live.start();
    })();
    await Promise.all([basemap, panels]);
    state.ready = true;
  })().catch((e) => { state.errors.push(String(e?.message ?? e)); });
}

/** Records when the globe (and the buildings) have no more tiles to load for the current view. */
function watchSettled(viewer, tileset) {
  const check = () => {
    const globeDone = viewer.scene.globe.tilesLoaded;
    const tilesDone = !tileset || tileset.tilesLoaded;
    if (globeDone && tilesDone) {
      state.settledMs = performance.now();
      viewer.scene.postRender.removeEventListener(check);
    } else {
      viewer.scene.requestRender();
    }
  };
  viewer.scene.postRender.addEventListener(check);
  viewer.scene.requestRender();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
