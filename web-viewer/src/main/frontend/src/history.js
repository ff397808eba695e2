// Gauge history for the time slider: every gauge shows the reading it had at the chosen time (its last
// reading at or before it), read from api/sensors/stations/{code}/observations. The last 24 h come at full
// resolution (what "play" steps through); older times use the 7-day series downsampled to one value an hour.
import { getJson } from './api.js';
import { normaliseObservations } from './chart.js';

const HOUR_MS = 3600e3;
const DAY_MS = 24 * HOUR_MS;
/** The level a station's label shows when it has no latest reading to say which property it reports (SL 323 codes). */
const PROPERTY_BY_KIND = { RR: 'RZ', ZZ: 'Z', TT: 'TDZ', PP: 'DRP' };
/** A reading older than this at the chosen time no longer describes the station: it shows "no data". */
export const MAX_READING_AGE_MS = 3 * HOUR_MS;
/** How long a loaded window is reused before it is read again (readings keep arriving). */
const FRESH_MS = 60e3;
const CONCURRENCY = 4;

/** Index of the last point with time <= t in points sorted by time ([[ms, value], ...]), or -1. */
export function lastAtOrBefore(points, t) {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}

async function eachLimited(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export class GaugeHistory {
  constructor(gauges) {
    this.gauges = gauges;
    /** '24h' | '7d' → { loadedAt, promise of Map code → [[ms, value]] } */
    this.windows = new Map();
    this.requests = 0;
  }

  windowFor(timeMs) {
    return Date.now() - timeMs <= DAY_MS ? '24h' : '7d';
  }

  load(key) {
    const cached = this.windows.get(key);
    if (cached && Date.now() - cached.loadedAt < FRESH_MS) return cached.promise;
    const to = Date.now();
    const from = to - (key === '24h' ? DAY_MS : 7 * DAY_MS);
    const series = new Map();
    const stations = [...this.gauges.stations.values()];
    const promise = eachLimited(stations, CONCURRENCY, async (station) => {
      const property = station.property ?? PROPERTY_BY_KIND[station.kind] ?? null;
      const query = new URLSearchParams({ from: iso(from), to: iso(to + 1000) });
      if (property) query.set('property', property);
      if (key === '7d') query.set('interval', 'PT1H');
      this.requests++;
      try {
        const body = await getJson(`api/sensors/stations/${encodeURIComponent(station.code)}/observations?${query}`);
        series.set(station.code, normaliseObservations(body, property).map(([time, value]) => [Date.parse(time), value]));
      } catch {
        series.set(station.code, []);
      }
    }).then(() => series);
    this.windows.set(key, { loadedAt: to, promise });
    return promise;
  }

  /** Each station's reading at timeMs: Map code → { value, time } (absent when it had none recent enough). */
  async valuesAt(timeMs) {
    const series = await this.load(this.windowFor(timeMs));
    const out = new Map();
    for (const [code, points] of series) {
      const i = lastAtOrBefore(points, timeMs);
      if (i >= 0 && timeMs - points[i][0] <= MAX_READING_AGE_MS) out.set(code, { value: points[i][1], time: new Date(points[i][0]).toISOString() });
    }
    return out;
  }
}
