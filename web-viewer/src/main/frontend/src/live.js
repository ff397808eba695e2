// The live feed: server-sent events from /api/live. The browser resends Last-Event-ID when it
// reconnects by itself; after a hard failure we reconnect with the last id as a query parameter.
import { url } from './api.js';

const EVENT_TYPES = ['message', 'observation', 'observations', 'reading', 'alert', 'status'];

export class LiveFeed {
  constructor({ onReading, onAlert, onState }) {
    this.onReading = onReading;
    this.onAlert = onAlert;
    this.onState = onState;
    this.lastEventId = null;
    this.retryMs = 2000;
    this.received = 0;
  }

  start() {
    this.connect();
  }

  connect() {
    const target = new URL(url('api/live'));
    if (this.lastEventId) target.searchParams.set('lastEventId', this.lastEventId);
    this.onState('connecting');
    const source = new EventSource(target.href);
    this.source = source;
    source.onopen = () => { this.retryMs = 2000; this.onState('connected'); };
    for (const type of EVENT_TYPES) source.addEventListener(type, (event) => this.dispatch(type, event));
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) { this.onState('reconnecting'); return; }
      source.close();
      this.recover();
    };
  }

  async recover() {
    let missing = false;
    try {
      const controller = new AbortController();
      const response = await fetch(url('api/live'), { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
      missing = response.status === 404 || response.status === 405 || response.status === 501;
      controller.abort();
    } catch { /* network down: retry */ }
    this.onState(missing ? 'unavailable' : 'reconnecting');
    const delay = missing ? 30000 : this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30000);
    setTimeout(() => this.connect(), delay);
  }

  dispatch(type, event) {
    if (event.lastEventId) this.lastEventId = event.lastEventId;
    let data;
    try { data = JSON.parse(event.data); } catch { return; }
    this.received++;
    const items = Array.isArray(data) ? data : [data];
    for (const item of items) {
      const kind = type === 'message' ? (item.type ?? item.event ?? (item.alert || item.threshold ? 'alert' : 'observation')) : type;
      if (kind === 'alert') this.onAlert(item.alert ?? item);
      else if (kind === 'status') this.onReading({ ...item, value: undefined, result: undefined, status: item.status ?? 'normal' });
      else this.onReading(item.observation ?? item);
    }
  }

  stop() {
    this.source?.close();
  }
}
