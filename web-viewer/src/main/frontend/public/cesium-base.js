// Tells CesiumJS where its Workers/Assets/Widgets live (next to this page), before Cesium.js runs.
// A separate file rather than an inline script so the page works under a strict Content-Security-Policy.
window.CESIUM_BASE_URL = new URL('cesium/', document.baseURI).href;
