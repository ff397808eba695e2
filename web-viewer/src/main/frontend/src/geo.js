// Small geodesy helpers in degrees and metres (CGCS2000 ≈ WGS84 ellipsoid).
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const R_MEAN = 6371008.8;
const rad = (d) => (d * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

function q(phi) {
  const s = Math.sin(phi);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}
const QP = q(Math.PI / 2);
/** Radius of the sphere with the ellipsoid's surface area. */
const R_AUTHALIC = A * Math.sqrt(QP / 2);

/**
 * Area in m² of a simple polygon given as [lon, lat] degrees, on the ellipsoid: latitudes become
 * authalic latitudes, which maps the ellipsoid onto the equal-area sphere; then the spherical
 * trapezoid sum over the edges.
 */
export function polygonArea(ring) {
  if (ring.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i];
    const [lon2, lat2] = ring[(i + 1) % ring.length];
    const b1 = Math.asin(q(rad(lat1)) / QP);
    const b2 = Math.asin(q(rad(lat2)) / QP);
    let dl = rad(lon2 - lon1);
    if (dl > Math.PI) dl -= 2 * Math.PI;
    if (dl < -Math.PI) dl += 2 * Math.PI;
    sum += dl * (2 + Math.sin(b1) + Math.sin(b2));
  }
  return Math.abs((sum * R_AUTHALIC * R_AUTHALIC) / 2);
}

/** Point at distance (m) and bearing (degrees clockwise from north) from [lon, lat], on the mean sphere. */
export function destination([lon, lat], bearing, distance) {
  const d = distance / R_MEAN;
  const th = rad(bearing);
  const p1 = rad(lat);
  const l1 = rad(lon);
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th));
  const l2 = l1 + Math.atan2(Math.sin(th) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [deg(l2), deg(p2)];
}

/** Great-circle distance (m) and initial bearing (degrees) from a to b. */
export function distanceBearing([lon1, lat1], [lon2, lat2]) {
  const p1 = rad(lat1);
  const p2 = rad(lat2);
  const dl = rad(lon2 - lon1);
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  const distance = 2 * R_MEAN * Math.asin(Math.min(1, Math.sqrt(h)));
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  return { distance, bearing: (deg(Math.atan2(y, x)) + 360) % 360 };
}

/** True when point lies within a camera's view sector (heading ± fov/2, up to range). */
export function inSector(camera, point) {
  const { distance, bearing } = distanceBearing([camera.lon, camera.lat], point);
  if (distance > camera.range) return false;
  if (distance < 1) return true;
  let diff = Math.abs(bearing - camera.heading) % 360;
  if (diff > 180) diff = 360 - diff;
  return diff <= camera.fov / 2;
}

export const SQUARE_METRES_PER_MU = 10000 / 15;
