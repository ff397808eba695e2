// Live gauges: labelled markers coloured by status (normal / above warning / above guarantee),
// updated from the live stream; clicking one opens its hydrograph.
import { ApiError, getJson } from './api.js';
import { t, localized, formatNumber, formatTime, onLangChange } from './i18n.js';
import { notify } from './notice.js';
import { keepRendering } from './scene.js';

const Cesium = window.Cesium;

export const STATUS_COLORS = {
  normal: '#2eb85c',
  warning: '#f2c200',
  guarantee: '#e5322d',
  unknown: '#9aa5b1',
};

const RAIN_PROPERTY = /rain|precip|drp|^p$|^pj$/i;
const MIN_FLUSH_MS = 250;
/** Labels of quiet stations appear only close up; stations in alarm stay labelled from afar. */
const QUIET_LABEL_RANGE = new Cesium.DistanceDisplayCondition(0, 30000);
const ALARM_LABEL_RANGE = new Cesium.DistanceDisplayCondition(0, 400000);

/** Properties that carry a water level (SL 323: RZ reservoir, Z river, TDZ tide) or rainfall. */
const LEVEL_PROPERTIES = ['RZ', 'Z', 'TDZ', 'water_level', 'level'];

/** The latest reading: {value, time, unit} or a map keyed by property ({RZ: {value, TM, unit}}). */
function latestOf(s) {
  const latest = s.latest ?? s.last ?? s.latestObservation;
  if (!latest) return s.value !== undefined ? { value: s.value, time: s.time ?? s.TM } : null;
  if ('value' in latest || 'result' in latest) return { ...latest, time: latest.time ?? latest.TM ?? latest.phenomenonTime };
  const keys = Object.keys(latest);
  const key = keys.find((k) => LEVEL_PROPERTIES.includes(k)) ?? keys[0];
  if (!key) return null;
  const entry = latest[key];
  return { ...entry, property: key, time: entry.time ?? entry.TM ?? entry.phenomenonTime };
}

export function normaliseStation(s) {
  const coords = s.geometry?.coordinates ?? s.location?.coordinates ?? [s.lon ?? s.longitude ?? s.LGTD, s.lat ?? s.latitude ?? s.LTTD];
  const latest = latestOf(s);
  const name = typeof s.name === 'object' && s.name ? s.name : { zh: s.name ?? s.STNM ?? s.name_zh, en: s.name_en ?? s.nameEn ?? s.STNM_EN };
  const t = s.thresholds ?? {};
  const kind = s.STTP ?? s.kind ?? s.type ?? '';
  // SL 323: above a reservoir's flood-limit level FSLTDZ is already a warning.
  const warning = num(s.warningLevel ?? s.warning_level ?? s.WRZ ?? t.warning ?? t.WRZ);
  const floodLimit = num(s.FSLTDZ ?? t.FSLTDZ);
  return {
    code: String(s.code ?? s.STCD ?? s.id ?? s.stationCode),
    name,
    kind,
    lon: Number(coords[0]),
    lat: Number(coords[1]),
    warning: kind === 'RR' && floodLimit !== null && (warning === null || floodLimit < warning) ? floodLimit : warning,
    guarantee: num(s.guaranteeLevel ?? s.guarantee_level ?? s.GRZ ?? t.guarantee ?? t.GRZ),
    property: latest?.property ?? null,
    unit: latest?.unit ?? s.unit ?? 'm',
    value: num(latest?.value ?? latest?.result),
    time: latest?.time ?? s.TM ?? null,
    serverStatus: normaliseStatus(s.status ?? latest?.status),
  };
}

export function normaliseReading(r) {
  return {
    id: r.id,
    station: String(r.station ?? r.stationCode ?? r.code ?? r.STCD ?? r.stcd ?? ''),
    property: r.property ?? r.observedProperty ?? '',
    value: num(r.value ?? r.result ?? r.level ?? r.Z),
    unit: r.unit ?? null,
    time: r.time ?? r.phenomenonTime ?? r.TM ?? null,
    status: normaliseStatus(r.status ?? r.state),
    statusOnly: r.value === undefined && r.result === undefined && r.status !== undefined,
  };
}

function normaliseStatus(value) {
  if (value == null) return null;
  const v = String(value).toLowerCase();
  if (/guarantee|red|danger|critical|grz|above_guarantee/.test(v)) return 'guarantee';
  if (/warn|yellow|wrz|above_warning/.test(v)) return 'warning';
  if (/no_?data|unknown|stale/.test(v)) return 'unknown';
  if (/normal|green|ok/.test(v)) return 'normal';
  return null;
}

function num(v) {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Status from the server when it says so, else from the station's warning and guarantee levels. */
export function statusOf(station) {
  if (station.serverStatus) return station.serverStatus;
  if (station.value === null) return 'unknown';
  if (station.guarantee !== null && station.value >= station.guarantee) return 'guarantee';
  if (station.warning !== null && station.value >= station.warning) return 'warning';
  return 'normal';
}

export class GaugeLayer {
  constructor(viewer) {
    this.viewer = viewer;
    this.stations = new Map();
    this.source = new Cesium.CustomDataSource('gauges');
    this.pending = new Set();
    this.flushScheduled = false;
    this.alpha = 1;
    this.historyTime = null;
    this.historyValues = new Map();
    onLangChange(() => { for (const s of this.stations.values()) this.pending.add(s.code); this.scheduleFlush(); });
  }

  async load() {
    this.viewer.dataSources.add(this.source);
    let body;
    try {
      body = await getJson('api/sensors/stations');
    } catch (e) {
      notify(e instanceof ApiError && e.missing ? 'gauge.unavailable' : 'error.http', { params: { status: e.status } });
      return;
    }
    const list = Array.isArray(body) ? body : body.stations ?? body.items ?? body.features ?? [];
    for (const raw of list) {
      const station = normaliseStation(raw.properties ? { ...raw.properties, geometry: raw.geometry, id: raw.id } : raw);
      if (!Number.isFinite(station.lon) || !Number.isFinite(station.lat)) continue;
      this.stations.set(station.code, station);
      station.entity = this.source.entities.add({
        id: `gauge:${station.code}`,
        position: Cesium.Cartesian3.fromDegrees(station.lon, station.lat, 5),
        point: {
          pixelSize: 12,
          outlineColor: Cesium.Color.WHITE,
          outlineWidth: 2,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
        label: {
          font: '13px sans-serif',
          style: Cesium.LabelStyle.FILL_AND_OUTLINE,
          outlineWidth: 3,
          outlineColor: Cesium.Color.BLACK,
          fillColor: Cesium.Color.WHITE,
          pixelOffset: new Cesium.Cartesian2(0, -18),
          verticalOrigin: Cesium.VerticalOrigin.BOTTOM,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
          distanceDisplayCondition: QUIET_LABEL_RANGE,
        },
        properties: { tidemarkGauge: station.code },
      });
      this.pending.add(station.code);
    }
    this.flush();
  }

  name(station) {
    return localized(station.name) || station.code;
  }

  labelText(station, shown = this.displayed(station)) {
    const value = shown.value === null ? '—' : `${formatNumber(shown.value, 2)} ${shown.unit}`;
    return `${this.name(station)} ${value}`;
  }

  /**
   * Shows every gauge as it was at a past time (values: Map code → {value, time} from GaugeHistory), or
   * live again with time null. Live readings keep arriving meanwhile and are shown on the way back.
   */
  showAt(time, values = new Map()) {
    this.historyTime = time;
    this.historyValues = values;
    for (const s of this.stations.values()) this.pending.add(s.code);
    this.scheduleFlush();
  }

  /** What a marker shows now: the live reading and status, or the reading at the history time judged by the levels. */
  displayed(station) {
    if (this.historyTime == null) return { value: station.value, unit: station.unit, time: station.time, status: statusOf(station) };
    const past = this.historyValues.get(station.code);
    const value = past?.value ?? null;
    return { value, unit: station.unit, time: past?.time ?? null, status: statusOf({ ...station, serverStatus: null, value }) };
  }

  /** Applies one live reading; returns the station when it changed. */
  apply(reading) {
    const station = this.stations.get(reading.station);
    if (!station) return null;
    if (reading.statusOnly) {
      // A "status" event: the server's threshold engine changed the station's state.
      station.serverStatus = reading.status;
      this.pending.add(station.code);
      this.scheduleFlush();
      return station;
    }
    if (reading.value === null) return null;
    if (reading.property && RAIN_PROPERTY.test(reading.property) !== (station.kind === 'PP')) return null;
    if (station.time && reading.time && new Date(reading.time) < new Date(station.time)) return null;
    station.value = reading.value;
    station.time = reading.time ?? station.time;
    station.unit = reading.unit ?? station.unit;
    // A new value is judged against the levels here at once; the server's "status" event (its threshold
    // engine, with hysteresis) follows and has the last word.
    station.serverStatus = reading.status;
    station.property = reading.property || station.property;
    station.receivedAt = performance.timeOrigin + performance.now();
    this.pending.add(station.code);
    this.scheduleFlush();
    return station;
  }

  /**
   * At most one redraw per MIN_FLUSH_MS however fast readings arrive (a typhoon burst must not queue frames).
   * The first reading after a quiet spell is written at once: the entities change before Cesium's next frame,
   * not a frame later (at 1–2 frames/s in software WebGL a frame is most of the 2 s budget).
   */
  scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const wait = Math.max(0, MIN_FLUSH_MS - (performance.now() - (this.lastFlush ?? 0)));
    setTimeout(() => this.flush(), wait);
  }

  /** Writes changed stations to their entities once per frame, however many readings arrived. */
  flush() {
    this.flushScheduled = false;
    this.lastFlush = performance.now();
    for (const code of this.pending) {
      const station = this.stations.get(code);
      if (!station?.entity) continue;
      const shown = this.displayed(station);
      const status = shown.status;
      station.status = status;
      station.shownAt = this.historyTime;
      const color = Cesium.Color.fromCssColorString(STATUS_COLORS[status]).withAlpha(this.alpha);
      station.entity.point.color = color;
      station.entity.label.text = this.labelText(station, shown);
      const quiet = status === 'normal' || status === 'unknown';
      // In alarm the label sits on the status colour: readable over any draped layer (red text on red flood zones is not).
      station.entity.label.fillColor = quiet || status === 'guarantee' ? Cesium.Color.WHITE : Cesium.Color.BLACK;
      station.entity.label.style = quiet ? Cesium.LabelStyle.FILL_AND_OUTLINE : Cesium.LabelStyle.FILL;
      station.entity.label.showBackground = !quiet;
      station.entity.label.backgroundColor = color.withAlpha(0.9);
      station.entity.label.distanceDisplayCondition = quiet ? QUIET_LABEL_RANGE : ALARM_LABEL_RANGE;
    }
    // Stamp when the changed markers were actually drawn (epoch ms), for latency measurements.
    const drawn = [...this.pending];
    this.pending.clear();
    const stamp = this.viewer.scene.postRender.addEventListener(() => {
      stamp();
      const now = performance.timeOrigin + performance.now();
      for (const code of drawn) { const s = this.stations.get(code); if (s) s.drawnAt = now; }
    });
    keepRendering(this.viewer);
  }

  /**
   * Briefly pulses a station's marker (an alert on the map). All pulsing markers share one timer: a round
   * that raises alerts for hundreds of gauges must not start hundreds of timers each asking for frames.
   */
  flash(code, ms = 5000) {
    const station = this.stations.get(code);
    if (!station?.entity) return;
    this.flashing ??= new Map();
    this.flashing.set(code, { started: performance.now(), ms });
    if (!this.flashTimer) this.pulse();
  }

  pulse() {
    const now = performance.now();
    for (const [code, { started, ms }] of this.flashing) {
      const point = this.stations.get(code).entity.point;
      const elapsed = now - started;
      point.pixelSize = elapsed >= ms ? 12 : 12 + 10 * Math.abs(Math.sin(elapsed / 180));
      if (elapsed >= ms) this.flashing.delete(code);
    }
    this.viewer.scene.requestRender();
    this.flashTimer = this.flashing.size ? setTimeout(() => this.pulse(), 120) : null;
  }

  describe(station) {
    return {
      STCD: station.code,
      STNM: localized(station.name),
      STTP: t(`gauge.kind.${station.kind}`) === `gauge.kind.${station.kind}` ? station.kind : t(`gauge.kind.${station.kind}`),
      value: station.value === null ? t('gauge.status.unknown') : `${formatNumber(station.value, 2)} ${station.unit}`,
      time: station.time ? formatTime(station.time) : '—',
      status: t(`gauge.status.${statusOf(station)}`),
      WRZ: station.warning ?? undefined,
      GRZ: station.guarantee ?? undefined,
    };
  }

  /** The catalog handler for the "gauges" layer. */
  handler() {
    return (viewer) => {
      this.source.show = true;
      if (!this.loaded) { this.loaded = this.load(); }
      return {
        setOpacity: (a) => { this.alpha = a; for (const s of this.stations.values()) this.pending.add(s.code); this.scheduleFlush(); },
        zoomTo: () => viewer.flyTo(this.source),
        remove: () => { this.source.show = false; viewer.scene.requestRender(); },
      };
    };
  }
}
