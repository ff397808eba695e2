// The time slider in the footer: minutes before now (0 = live). Moving it shows the gauges as they were
// then (GaugeHistory) and, once let go, asks time-aware WMS layers for that TIME; "play" steps through
// the last 24 h of gauge readings and returns to live at the end. Each step is shown (readings fetched,
// gauges and chart drawn) before the next begins, so slow steps delay playback instead of being skipped.
import { lang, onLangChange, t } from './i18n.js';

const MINUTE_MS = 60e3;
export const PLAY_FROM_MIN = -24 * 60;
export const PLAY_STEP_MIN = 15;
/** The least time one playback step stays on screen. */
const PLAY_TICK_MS = 250;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const isoMinute = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export class Timeline {
  constructor({ catalog, gauges, history }) {
    this.catalog = catalog;
    this.gauges = gauges;
    this.history = history;
    this.slider = document.getElementById('time-slider');
    this.out = document.getElementById('time-value');
    this.play = document.getElementById('time-play');
    /** Number of the current playback run, or null when not playing. */
    this.playing = null;
    this.runs = 0;
    this.sequence = 0;
    /** Called with the chosen time (epoch ms, null for live) whenever it changes; may return a promise. */
    this.followers = [];
    this.slider.addEventListener('input', () => this.moved());
    this.slider.addEventListener('change', () => this.applyToLayers());
    this.play.addEventListener('click', () => (this.playing ? this.pause() : this.start()));
    onLangChange(() => this.render());
    const fromUrl = new URLSearchParams(location.search).get('time');
    if (fromUrl && !Number.isNaN(Date.parse(fromUrl))) {
      this.slider.value = String(this.clamp(Math.round((Date.parse(fromUrl) - Date.now()) / MINUTE_MS)));
      catalog.time = fromUrl;
    }
    this.render();
  }

  clamp(minutes) {
    return Math.max(Number(this.slider.min), Math.min(0, minutes));
  }

  /** The chosen time in epoch ms, or null for live. */
  time() {
    const minutes = Number(this.slider.value);
    return minutes === 0 ? null : Date.now() + minutes * MINUTE_MS;
  }

  render() {
    const time = this.time();
    this.out.textContent = time === null ? t('time.now')
      : new Intl.DateTimeFormat(lang(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(time));
    this.out.dataset.time = time === null ? '' : isoMinute(time);
    this.play.textContent = this.playing ? '⏸' : '▶';
    this.play.title = t(this.playing ? 'time.pause' : 'time.play');
    this.play.setAttribute('aria-label', this.play.title);
  }

  /** Registers a view that follows the chosen time (the gauge chart): listener(timeMs | null). */
  follow(listener) {
    this.followers.push(listener);
  }

  /** The slider moved (by hand or by playback): show the gauges (and followers) at that time. */
  async moved() {
    this.render();
    const time = this.time();
    const mine = ++this.sequence;
    const following = Promise.all(this.followers.map((f) => f(time)));
    if (time === null) { this.gauges.showAt(null); document.body.dataset.gaugeTime = ''; await following; return; }
    const values = await this.history.valuesAt(time);
    if (mine === this.sequence) { // else a later position has been asked for meanwhile
      this.gauges.showAt(time, values);
      document.body.dataset.gaugeTime = isoMinute(time);
    }
    await following;
  }

  applyToLayers() {
    const time = this.time();
    this.catalog.setTime(time === null ? null : isoMinute(time));
  }

  start() {
    if (Number(this.slider.value) === 0 || Number(this.slider.value) < PLAY_FROM_MIN) this.slider.value = String(PLAY_FROM_MIN);
    const run = ++this.runs;
    this.playing = run;
    this.render();
    this.playFrom(run);
  }

  /** Shows a step, waits for it to be drawn (and at least PLAY_TICK_MS), then moves on; ends at live. */
  async playFrom(run) {
    while (this.playing === run) {
      const began = performance.now();
      await this.moved();
      if (this.playing !== run) return; // paused or restarted meanwhile
      if (Number(this.slider.value) === 0) break;
      await sleep(Math.max(0, PLAY_TICK_MS - (performance.now() - began)));
      if (this.playing !== run) return;
      this.slider.value = String(Math.min(0, Number(this.slider.value) + PLAY_STEP_MIN));
    }
    if (this.playing === run) this.pause();
  }

  pause() {
    this.playing = null;
    this.render();
    this.applyToLayers();
  }
}
