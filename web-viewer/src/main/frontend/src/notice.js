// One-line status messages in the footer; the latest wins, transient ones clear themselves.
import { t } from './i18n.js';

let timer;
let sticky = [];

export function notify(key, { params, transient = true, text } = {}) {
  const el = document.getElementById('notice');
  const message = text ?? t(key, params);
  clearTimeout(timer);
  el.textContent = message;
  el.dataset.key = key ?? '';
  if (transient) timer = setTimeout(() => { el.textContent = sticky.map((k) => t(k)).join(' · '); }, 6000);
}

/** A condition that stays visible (e.g. terrain service missing) until the page reloads. */
export function notifySticky(key) {
  if (!sticky.includes(key)) sticky.push(key);
  notify(key, { transient: false, text: sticky.map((k) => t(k)).join(' · ') });
}

export function refreshNotices() {
  const el = document.getElementById('notice');
  el.textContent = sticky.map((k) => t(k)).join(' · ');
}
