// The hydrograph of a gauge over the last 24 h / 7 d, with its warning and guarantee levels. While the time
// slider is away from "live" the chart shows the window ending at the slider's time, with a marker line
// there, so that the panel and the gauges on the map tell the same moment.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkLineComponent, LegendComponent, GraphicComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ApiError, getJson } from './api.js';
import { t, lang, formatTime } from './i18n.js';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, LegendComponent, GraphicComponent, CanvasRenderer]);

const RANGES = { '24h': 24, '7d': 24 * 7 };
let chart;
/** The time the chart follows (epoch ms), or null for live. */
let chartTime = null;
/** What the chart shows now: { station, range } (null before the first gauge is opened). */
let shown = null;
let sequence = 0;


export function normaliseObservations(body, property = null) {
  const list = Array.isArray(body) ? body : body.observations ?? body.items ?? body.data ?? body.value ?? [];
  return list
    .filter((o) => !property || !o.property || o.property === property)
    .map((o) => [o.time ?? o.phenomenonTime ?? o.TM, Number(o.value ?? o.result ?? o.Z)])
    .filter(([time, value]) => time && Number.isFinite(value))
    .sort((a, b) => new Date(a[0]) - new Date(b[0]));
}

/**
 * Follows the time slider: the open hydrograph (if any) is drawn again for the window ending at timeMs
 * (null: live, ending now). Resolves once it is drawn.
 */
export async function setChartTime(timeMs) {
  chartTime = timeMs;
  const el = document.getElementById('chart');
  if (!shown || !el || document.getElementById('chart-box')?.classList.contains('hidden')) return;
  await showHydrograph(shown.station, shown.range);
}

/** The option the chart was last drawn with (for tests and the console). */
export function chartOption() {
  return chart?.getOption() ?? null;
}

/** Loads and draws the series; returns the number of points drawn (-1 when a later call overtook it). */
export async function showHydrograph(station, range = '24h') {
  const el = document.getElementById('chart');
  chart ??= echarts.init(el, null, { renderer: 'canvas' });
  shown = { station, range };
  const mine = ++sequence;
  for (const b of document.querySelectorAll('#chart-box [data-range]')) b.classList.toggle('active', b.dataset.range === range);
  const at = chartTime;
  const to = new Date(at ?? Date.now());
  const from = new Date(to.getTime() - RANGES[range] * 3600 * 1000);
  let points = [];
  let message = '';
  try {
    const property = station.property ? `&property=${encodeURIComponent(station.property)}` : '';
    const interval = range === '7d' ? '&interval=PT1H' : '';
    const body = await getJson(`api/sensors/stations/${encodeURIComponent(station.code)}/observations?from=${from.toISOString()}&to=${to.toISOString()}${property}${interval}`);
    // only the window (a reading after the slider's time is not "then")
    points = normaliseObservations(body, station.property).filter(([time]) => Date.parse(time) <= to.getTime());
    if (!points.length) message = t('chart.noData');
  } catch (e) {
    message = e instanceof ApiError && e.missing ? t('chart.unavailable') : t('error.http', { status: e.status });
  }
  if (mine !== sequence) return -1; // another gauge, range or time was asked for meanwhile
  const lines = [];
  if (station.warning !== null) lines.push({ yAxis: station.warning, name: t('chart.warning'), lineStyle: { color: '#f2c200' }, label: { formatter: t('chart.warning') } });
  if (station.guarantee !== null) lines.push({ yAxis: station.guarantee, name: t('chart.guarantee'), lineStyle: { color: '#e5322d' }, label: { formatter: t('chart.guarantee') } });
  if (at !== null) {
    lines.push({ xAxis: at, name: t('chart.sliderTime'), lineStyle: { color: '#333', type: 'dashed' },
      label: { formatter: formatTime(at).replace(/:\d\d$/, ''), position: 'end' } });
  }
  chart.setOption({
    animation: false,
    title: undefined,
    grid: { left: 44, right: 70, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${station.unit}` },
    xAxis: { type: 'time', min: from.getTime(), max: to.getTime(), axisLabel: { formatter: (v) => formatTime(v).replace(/:\d\d$/, '') , hideOverlap: true } },
    yAxis: { type: 'value', scale: true, name: `${t('chart.level')} (${station.unit})` },
    graphic: message ? [{ type: 'text', left: 'center', top: 'middle', style: { text: message, fill: '#556' } }] : [],
    series: [{
      name: t('chart.level'),
      type: 'line',
      showSymbol: false,
      data: points,
      lineStyle: { width: 2, color: '#1f6fd1' },
      markLine: { symbol: 'none', silent: true, data: lines },
    }],
  }, { notMerge: true });
  chart.resize();
  el.dataset.points = String(points.length);
  el.dataset.from = from.toISOString();
  el.dataset.to = to.toISOString();
  el.dataset.time = at === null ? '' : new Date(at).toISOString();
  el.dataset.station = station.code;
  el.dataset.lang = lang();
  return points.length;
}
