// Time steps of scenario layers (a storm surge hour by hour) from the WMS capabilities: a layer whose time
// Dimension is a list of values (WMS 1.3.0 Annex C.2) gets its own slider over exactly those values; an
// interval (start/end/period, live layers) follows the footer's time slider instead.
import { request } from './api.js';
import { formatTime, t } from './i18n.js';

/** Map layer name → ISO times in ascending order, for layers whose time Dimension lists values. */
export async function loadTimeSteps() {
  const steps = new Map();
  let xml;
  try {
    xml = await request('wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0', { accept: 'text/xml' });
  } catch {
    return steps; // no capabilities: scenario layers are drawn without TIME (all steps)
  }
  const doc = new DOMParser().parseFromString(String(xml), 'application/xml');
  for (const layer of doc.getElementsByTagNameNS('*', 'Layer')) {
    const name = [...layer.children].find((c) => c.localName === 'Name')?.textContent?.trim();
    const dimension = [...layer.children].find((c) => c.localName === 'Dimension' && c.getAttribute('name') === 'time');
    const text = dimension?.textContent?.trim();
    if (!name || !text || text.includes('/')) continue;
    const values = text.split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length > 1) steps.set(name, values);
  }
  return steps;
}

/**
 * The slider under a scenario layer: one position per step, labelled with the step's local time.
 * onChoose(iso) runs when a step is let go on.
 */
export function stepSlider(layerId, values, index, onChoose) {
  const box = document.createElement('div');
  box.className = 'layer-steps';
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.min = '0';
  slider.max = String(values.length - 1);
  slider.step = '1';
  slider.value = String(index);
  slider.dataset.steps = layerId;
  slider.title = t('catalog.step');
  slider.setAttribute('aria-label', t('catalog.step'));
  const out = document.createElement('output');
  const show = () => {
    const v = values[Number(slider.value)];
    out.textContent = `${formatTime(v).replace(/:\d\d$/, '')} (${Number(slider.value) + 1}/${values.length})`;
    out.dataset.time = v;
  };
  slider.addEventListener('input', show);
  slider.addEventListener('change', () => onChoose(Number(slider.value)));
  show();
  box.append(slider, out);
  return box;
}
