// Feature layers as transparent WMS 1.3.0 imagery draped on the terrain, pickable through GetFeatureInfo.
import { authHeaders, url } from './api.js';

const Cesium = window.Cesium;

export function wmsOverlay(viewer, layerName, { time = null } = {}) {
  const parameters = { transparent: true, format: 'image/png', styles: '' };
  if (time) parameters.time = time;
  const provider = new Cesium.WebMapServiceImageryProvider({
    url: new Cesium.Resource({ url: url('wms'), headers: authHeaders() }),
    layers: layerName,
    parameters,
    getFeatureInfoParameters: { feature_count: 5 },
    getFeatureInfoFormats: [new Cesium.GetFeatureInfoFormat('json', 'application/json')],
    enablePickFeatures: true,
    tileWidth: 256,
    tileHeight: 256,
  });
  const layer = viewer.imageryLayers.addImageryProvider(provider);
  layer.tidemarkName = layerName;
  return {
    layer,
    setOpacity(alpha) { layer.alpha = alpha; viewer.scene.requestRender(); },
    remove() { viewer.imageryLayers.remove(layer, true); },
  };
}
