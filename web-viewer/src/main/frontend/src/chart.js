// The hydrograph of a gauge over the last 24 h / 7 d, with its warning and guarantee levels.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkLineComponent, LegendComponent, GraphicComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ApiError, getJson } from './api.js';
import { t, lang, formatTime } from './i18n.js';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, LegendComponent, GraphicComponent, CanvasRenderer]);

const RANGES = { '24h': 24, '7d': 24 * 7 };
let chart;

export function normaliseObservations(body, property = null) {
  const list = Array.isArray(body) ? body : body.observations ?? body.items ?? body.data ?? body.value ?? [];
  return list
    .filter((o) => !property || !o.property || o.property === property)
    .map((o) => [o.time ?? o.phenomenonTime ?? o.TM, Number(o.value ?? o.result ?? o.Z)])
    .filter(([time, value]) => time && Number.isFinite(value))
    .sort((a, b) => new Date(a[0]) - new Date(b[0]));
}

/** Loads and draws the series; returns the number of points drawn. */
export async function showHydrograph(station, range = '24h') {
  const el = document.getElementById('chart');
  chart ??= echarts.init(el, null, { renderer: 'canvas' });
  for (const b of document.querySelectorAll('#chart-box [data-range]')) b.classList.toggle('active', b.dataset.range === range);
  const to = new Date();
  const from = new Date(to.getTime() - RANGES[range] * 3600 * 1000);
  let points = [];
  let message = '';
  try {
    const property = station.property ? `&property=${encodeURIComponent(station.property)}` : '';
    const interval = range === '7d' ? '&interval=PT1H' : '';
    const body = await getJson(`api/sensors/stations/${encodeURIComponent(station.code)}/observations?from=${from.toISOString()}&to=${to.toISOString()}${property}${interval}`);
    points = normaliseObservations(body, station.property);
    if (!points.length) message = t('chart.noData');
  } catch (e) {
    message = e instanceof ApiError && e.missing ? t('chart.unavailable') : t('error.http', { status: e.status });
  }
  const lines = [];
  if (station.warning !== null) lines.push({ yAxis: station.warning, name: t('chart.warning'), lineStyle: { color: '#f2c200' }, label: { formatter: t('chart.warning') } });
  if (station.guarantee !== null) lines.push({ yAxis: station.guarantee, name: t('chart.guarantee'), lineStyle: { color: '#e5322d' }, label: { formatter: t('chart.guarantee') } });
  chart.setOption({
    animation: false,
    title: undefined,
    grid: { left: 44, right: 70, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} ${station.unit}` },
    xAxis: { type: 'time', axisLabel: { formatter: (v) => formatTime(v).replace(/:\d\d$/, '') , hideOverlap: true } },
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
  el.dataset.lang = lang();
  return points.length;
}
