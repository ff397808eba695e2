// Localisation: zh-CN by default, English with ?lang=en or the toggle. Every visible string comes
// from the JSON dictionaries; numbers and dates go through Intl with the active locale.
import zh from './i18n/zh-CN.json';
import en from './i18n/en.json';
import fields from './i18n/fields.json';

const dictionaries = { 'zh-CN': zh, en };
const listeners = new Set();
let current = pickInitialLanguage();

function pickInitialLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl) return normalise(fromUrl);
  try {
    const stored = localStorage.getItem('tidemark.lang');
    if (stored) return normalise(stored);
  } catch { /* storage disabled */ }
  return 'zh-CN';
}

function normalise(tag) {
  return String(tag).toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function lang() {
  return current;
}

/** The string for key in the active language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** The label of an attribute name, or the name itself when the dictionary has none. */
export function fieldLabel(name) {
  const entry = fields[name] ?? fields[String(name).toLowerCase()];
  return entry ? entry[current] : name;
}

/** A bilingual value from the server ({zh, en} or {"zh-CN": ..., en}) or a plain string. */
export function localized(value) {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (current === 'en') return value.en ?? value.zh ?? value['zh-CN'] ?? '';
  return value.zh ?? value['zh-CN'] ?? value.en ?? '';
}

/**
 * Intl formatters are costly to build (a fresh Intl.DateTimeFormat takes a large fraction of a millisecond
 * in V8): one per language and options, reused. 500 labels and up to 200 alert rows format on every change.
 */
const formatters = new Map();

function formatter(kind, options) {
  const key = `${kind}|${current}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = kind === 'number' ? new Intl.NumberFormat(current, options) : new Intl.DateTimeFormat(current, options);
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(value, digits = 2) {
  return formatter('number', { maximumFractionDigits: digits }).format(value);
}

export function formatTime(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? '');
  return formatter('date', { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

export function setLang(tag) {
  current = normalise(tag);
  try { localStorage.setItem('tidemark.lang', current); } catch { /* ignore */ }
  const url = new URL(location.href);
  url.searchParams.set('lang', current === 'en' ? 'en' : 'zh-CN');
  history.replaceState(null, '', url);
  applyStatic(document);
  for (const listener of listeners) listener(current);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

/** Fills every element marked data-i18n / data-i18n-title / data-i18n-placeholder under root. */
export function applyStatic(root) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}
