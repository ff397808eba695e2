// The right-hand details panel shared by feature info, cameras, gauges and site reports.
import { t, fieldLabel, formatNumber } from './i18n.js';

const panel = () => document.getElementById('details');
let onClose = null;

export function openPanel(title, body, { chart = false, kind = '', closeHandler = null } = {}) {
  const el = panel();
  onClose?.();
  onClose = closeHandler;
  el.dataset.kind = kind;
  document.getElementById('details-title').textContent = title;
  document.getElementById('details-body').replaceChildren(...[].concat(body));
  document.getElementById('chart-box').classList.toggle('hidden', !chart);
  el.classList.remove('hidden');
}

export function closePanel() {
  onClose?.();
  onClose = null;
  panel().classList.add('hidden');
  panel().dataset.kind = '';
}

export function panelKind() {
  return panel().classList.contains('hidden') ? '' : panel().dataset.kind;
}

export function installPanel() {
  document.getElementById('details-close').addEventListener('click', closePanel);
}

/** A two-column table of attribute labels and values; links are shown as links, numbers localised. */
export function propertyTable(properties, { skip = [] } = {}) {
  const table = document.createElement('table');
  table.className = 'props';
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (skip.includes(key) || value === null || value === undefined || typeof value === 'object') continue;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = fieldLabel(key);
    const td = document.createElement('td');
    td.append(valueNode(value));
    tr.append(th, td);
    table.append(tr);
  }
  return table;
}

export function valueNode(value) {
  if (typeof value === 'number') return document.createTextNode(formatNumber(value, 3));
  if (typeof value === 'boolean') return document.createTextNode(t(value ? 'common.yes' : 'common.no'));
  const text = String(value);
  if (/^(https?:|rtsp:|\/)/i.test(text)) {
    const a = document.createElement('a');
    a.href = text;
    a.textContent = text;
    a.target = '_blank';
    a.rel = 'noopener';
    return a;
  }
  return document.createTextNode(text);
}

export function paragraph(text, className = '') {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}
