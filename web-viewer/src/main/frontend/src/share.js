// "Share this view": the camera, scene mode, layers, time and language as URL parameters.
import { lang, t } from './i18n.js';
import { notify } from './notice.js';
import { sceneModeName } from './scene.js';

const Cesium = window.Cesium;

export function viewUrl(viewer, { layers, time }) {
  const c = viewer.camera.positionCartographic;
  const url = new URL(location.href);
  url.search = '';
  url.searchParams.set('lang', lang());
  url.searchParams.set('view', [
    Cesium.Math.toDegrees(c.longitude).toFixed(6),
    Cesium.Math.toDegrees(c.latitude).toFixed(6),
    c.height.toFixed(1),
    Cesium.Math.toDegrees(viewer.camera.heading).toFixed(1),
    Cesium.Math.toDegrees(viewer.camera.pitch).toFixed(1),
  ].join(','));
  url.searchParams.set('mode', sceneModeName(viewer));
  url.searchParams.set('layers', layers.join(','));
  if (time) url.searchParams.set('time', time);
  return url.href;
}

/** The camera from ?view=lon,lat,height,heading,pitch, or false when absent or malformed. */
export function applyViewParam(viewer) {
  const raw = new URLSearchParams(location.search).get('view');
  const parts = raw?.split(',').map(Number) ?? [];
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) return false;
  const [lon, lat, height, heading, pitch] = parts;
  viewer.camera.setView({
    destination: Cesium.Cartesian3.fromDegrees(lon, lat, height),
    orientation: { heading: Cesium.Math.toRadians(heading), pitch: Cesium.Math.toRadians(pitch), roll: 0 },
  });
  return true;
}

export function layersParam() {
  const raw = new URLSearchParams(location.search).get('layers');
  return raw === null ? null : raw.split(',').filter(Boolean);
}

export async function share(viewer, state) {
  const link = viewUrl(viewer, state);
  document.getElementById('btn-share').dataset.link = link;
  try {
    await navigator.clipboard.writeText(link);
    notify('status.copied');
  } catch {
    notify(null, { text: `${t('status.shareLink')}${link}`, transient: false });
  }
  return link;
}
