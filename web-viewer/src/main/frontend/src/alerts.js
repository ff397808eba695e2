// The alert panel: threshold crossings newest first, with time, station, level; acknowledging one
// is recorded on the server.
import { ApiError, postJson, getJson } from './api.js';
import { t, formatNumber, formatTime, onLangChange } from './i18n.js';
import { notify } from './notice.js';

const MAX_SHOWN = 200;
const RENDER_MS = 100;

export function normaliseAlert(a) {
  return {
    id: a.id ?? a.alertId ?? `${a.station ?? a.STCD}-${a.time ?? a.TM}`,
    station: String(a.station ?? a.stationCode ?? a.code ?? a.STCD ?? ''),
    kind: normaliseKind(a),
    value: a.value ?? a.level_value ?? a.observed ?? null,
    threshold: typeof a.threshold === 'number' ? a.threshold : a.thresholdValue ?? a.limit ?? null,
    unit: a.unit ?? (/rate|rise/i.test(a.kind ?? '') ? 'm/h' : 'm'),
    time: a.time ?? a.TM ?? a.raisedAt ?? a.phenomenonTime ?? new Date().toISOString(),
    acknowledged: Boolean(a.acknowledged ?? a.acknowledgedBy ?? a.ackedAt),
  };
}

/** What the row says: rising fast, rain, or the level band the station is in now (status after the change). */
function normaliseKind(a) {
  const kind = String(a.kind ?? a.type ?? '').toLowerCase();
  if (/rate|rise/.test(kind)) return 'rate';
  if (/rain|precip/.test(kind)) return 'rain';
  const level = String(a.status ?? a.level ?? a.severity ?? kind).toLowerCase();
  if (/guarantee|grz|danger|red|critical/.test(level)) return 'guarantee';
  if (/normal|clear|down|recover|no_data/.test(level) || /cleared/.test(kind)) return 'normal';
  return 'warning';
}

export class AlertPanel {
  constructor({ stationName, onSelect }) {
    this.alerts = [];
    this.stationName = stationName;
    this.onSelect = onSelect;
    this.list = document.getElementById('alert-list');
    this.count = document.getElementById('alert-count');
    onLangChange(() => this.render());
    this.render();
  }

  async loadRecent() {
    try {
      const body = await getJson('api/sensors/alerts?limit=50');
      const list = Array.isArray(body) ? body : body.alerts ?? body.items ?? [];
      for (const a of list) this.add(a, { quiet: true });
    } catch { /* history is optional: live alerts still arrive */ }
  }

  add(raw, { quiet = false } = {}) {
    const alert = normaliseAlert(raw);
    const known = this.alerts.find((a) => String(a.id) === String(alert.id));
    if (known) {
      // The same alert again (e.g. someone acknowledged it): update, don't repeat.
      if (alert.acknowledged && !known.acknowledged) { known.acknowledged = true; this.render(); }
      return null;
    }
    alert.ms = new Date(alert.time).getTime() || 0;
    this.alerts.push(alert);
    if (!quiet) this.freshId = alert.id;
    this.scheduleRender();
    return alert;
  }

  /**
   * Redraws the list at most once per RENDER_MS: a round of readings that crosses the levels of hundreds of
   * gauges brings hundreds of alerts at once, and a full redraw per alert froze the page for many seconds.
   */
  scheduleRender() {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    setTimeout(() => this.render(), RENDER_MS);
  }

  render() {
    this.renderScheduled = false;
    this.alerts.sort((a, b) => b.ms - a.ms);
    if (this.alerts.length > MAX_SHOWN) this.alerts.length = MAX_SHOWN;
    const open = this.alerts.filter((a) => !a.acknowledged).length;
    this.count.textContent = formatNumber(open, 0);
    this.count.classList.toggle('hot', open > 0);
    this.list.replaceChildren();
    if (!this.alerts.length) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = t('alerts.empty');
      this.list.append(li);
      return;
    }
    for (const alert of this.alerts) this.list.append(this.row(alert));
    // the newest live alert blinks (alerts loaded from the history do not)
    if (this.freshId !== undefined && String(this.alerts[0].id) === String(this.freshId)) this.list.firstElementChild.classList.add('fresh');
    this.freshId = undefined;
  }

  row(alert) {
    const li = document.createElement('li');
    li.className = `alert ${alert.kind}${alert.acknowledged ? ' acked' : ''}`;
    li.dataset.alertId = alert.id;
    li.dataset.station = alert.station;
    const time = document.createElement('time');
    time.dateTime = alert.time;
    time.textContent = formatTime(alert.time);
    const what = document.createElement('button');
    what.type = 'button';
    what.className = 'alert-station';
    const value = alert.value === null ? '' : ` ${formatNumber(Number(alert.value), 2)} ${alert.unit}`;
    what.textContent = `${this.stationName(alert.station)} · ${t(`alerts.kind.${alert.kind}`)}${value}`;
    what.addEventListener('click', () => this.onSelect(alert.station));
    li.append(time, what);
    if (alert.acknowledged) {
      const done = document.createElement('span');
      done.className = 'muted';
      done.textContent = t('alerts.acked');
      li.append(done);
    } else {
      const ack = document.createElement('button');
      ack.type = 'button';
      ack.className = 'ack';
      ack.textContent = t('alerts.ack');
      ack.addEventListener('click', () => this.acknowledge(alert));
      li.append(ack);
    }
    return li;
  }

  async acknowledge(alert) {
    try {
      await postJson(`api/sensors/alerts/${encodeURIComponent(alert.id)}/acknowledge`, {});
      alert.acknowledged = true;
    } catch (e) {
      const li = this.list.querySelector(`[data-alert-id="${CSS.escape(String(alert.id))}"]`);
      const why = e instanceof ApiError && e.status === 401 ? t('auth.needed') : t('alerts.ackFailed') + (e instanceof ApiError ? ` (${e.status})` : '');
      li?.setAttribute('title', why);
      notify(null, { text: why });
      li?.classList.add('ack-failed');
      return;
    }
    this.render();
  }
}
