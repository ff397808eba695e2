// The layer catalog panel: layers grouped by department, with toggle, opacity, legend, zoom-to and
// "apply for access". Reads /api/catalog; falls back to the OGC API collection list.
import { ApiError, getJson, postJson, token, url } from './api.js';
import { t, localized, onLangChange } from './i18n.js';
import { notify } from './notice.js';
import { wmsOverlay } from './wms.js';
import { loadTimeSteps, stepSlider } from './steps.js';

const Cesium = window.Cesium;

/** Department of the demo layers, used only when the server's catalog service is missing. */
const DEMO_DEPARTMENTS = {
  land: 'planning', buildings: 'planning', roads: 'planning', place_names: 'planning',
  reservoirs: 'water', seawalls: 'water', streams: 'water', hydro_stations: 'water', gauges: 'water',
  police_cameras: 'police', coastal_cameras: 'ocean', low_lying_areas: 'emergency', flood_zones: 'emergency', flood_progression: 'emergency',
};
const DEPARTMENT_ORDER = ['planning', 'water', 'police', 'ocean', 'emergency'];

/** Catalog entries as GeoJSON features (id, extent polygon, properties) become flat records. */
function fromFeature(f) {
  const p = f.properties ?? {};
  const ring = f.geometry?.type === 'Polygon' ? f.geometry.coordinates[0] : null;
  const bbox = f.bbox ?? (ring ? [Math.min(...ring.map((c) => c[0])), Math.min(...ring.map((c) => c[1])),
    Math.max(...ring.map((c) => c[0])), Math.max(...ring.map((c) => c[1]))] : undefined);
  return {
    ...p,
    id: f.id ?? p.id ?? p.name,
    title: p.title_en ? { zh: p.title, en: p.title_en } : p.title,
    department: p.provider ? { id: p.provider.code, title: { zh: p.provider.name, en: p.provider.name_en } } : p.department,
    live: p.live ?? p.kind === 'live',
    bbox: p.bbox ?? bbox,
  };
}

export function normaliseLayer(raw) {
  const id = raw.name ?? raw.id ?? raw.typeName;
  const dept = raw.department?.id ?? raw.department?.code ?? raw.department ?? DEMO_DEPARTMENTS[id] ?? 'other';
  const spatial = raw.extent?.spatial?.bbox?.[0];
  return {
    id,
    title: raw.title ?? raw.titles ?? id,
    department: typeof dept === 'string' ? dept : 'other',
    departmentTitle: typeof raw.department === 'object' ? (raw.department.title ?? raw.department.name) : undefined,
    type: raw.type ?? raw.kind ?? 'vector',
    live: Boolean(raw.live),
    isPublic: raw.isPublic ?? raw.public ?? true,
    accessible: raw.accessible ?? raw.hasAccess ?? raw.allowed ?? raw.readable ?? raw.granted
      // the governance catalog says none / public / own / granted / granted-partial
      ?? (typeof raw.access === 'string' ? raw.access !== 'none' : true),
    time: raw.timeAttribute ?? raw.time ?? raw.extent?.temporal ?? null,
    bbox: raw.bbox ?? raw.boundingBox ?? spatial ?? null,
  };
}

/** Reads the catalog; returns { layers, source } where source is 'catalog' or 'collections'. */
export async function loadCatalog() {
  try {
    const body = await getJson('api/catalog');
    return { layers: flattenCatalog(body).map(normaliseLayer).filter((l) => l.id), source: 'catalog' };
  } catch (e) {
    if (!(e instanceof ApiError) || !e.missing) throw e;
  }
  const body = await getJson('ogc/collections?f=json');
  return { layers: (body.collections ?? []).map(normaliseLayer).filter((l) => l.id), source: 'collections' };
}

function flattenCatalog(body) {
  if (Array.isArray(body)) return body;
  if (Array.isArray(body.layers)) return body.layers;
  if (Array.isArray(body.items)) return body.items;
  if (Array.isArray(body.features)) return body.features.map(fromFeature);
  if (Array.isArray(body.departments)) {
    return body.departments.flatMap((d) => (d.layers ?? []).map((l) => ({ department: d.id ?? d.code ?? d.name, ...l })));
  }
  if (Array.isArray(body.collections)) return body.collections;
  return [];
}

/**
 * The catalog panel. Special layers (cameras, gauges) register their own handler; everything else is
 * shown as transparent WMS imagery draped on the terrain.
 */
export class CatalogPanel {
  constructor(viewer, { handlers = {}, initiallyOn = [], onChange = () => {} } = {}) {
    this.viewer = viewer;
    this.handlers = handlers;
    this.initiallyOn = new Set(initiallyOn);
    this.onChange = onChange;
    this.layers = [];
    this.active = new Map();
    this.time = null;
    /** Scenario layers' steps (layer id → ISO times) and the step each shows (layer id → index). */
    this.steps = new Map();
    this.stepIndex = new Map();
    this.root = document.getElementById('catalog-groups');
    this.status = document.getElementById('catalog-status');
    onLangChange(() => this.render());
  }

  /**
   * Reads the catalog and switches on the initial layers the caller may see. With reset (another user
   * signed in or out) the shown layers are taken down first and those still visible are rebuilt, so that
   * their requests carry the new token and layers the user may no longer see disappear.
   */
  async load({ reset = false } = {}) {
    const wanted = new Set(this.initiallyOn);
    if (reset) {
      for (const [id, shown] of this.active) { wanted.add(id); shown.remove(); }
      this.active.clear();
    }
    this.status.textContent = t('catalog.loading');
    try {
      const [{ layers, source }, steps] = await Promise.all([loadCatalog(), loadTimeSteps()]);
      this.layers = layers;
      this.source = source;
      this.steps = steps;
    } catch (e) {
      this.layers = [];
      this.source = 'none';
    }
    for (const layer of this.layers) if (this.steps.has(layer.id)) layer.time ??= 'steps';
    this.render();
    for (const layer of this.layers) {
      if (wanted.has(layer.id) && layer.accessible && !this.active.has(layer.id)) this.toggle(layer, true);
    }
    this.viewer.scene.requestRender();
  }

  activeIds() {
    return [...this.active.keys()];
  }

  render() {
    this.status.textContent = this.source === 'collections' ? t('catalog.fromCollections')
      : this.source === 'none' ? t('catalog.unavailable')
        : this.layers.length === 0 ? t('catalog.empty') : '';
    this.root.replaceChildren();
    const groups = new Map();
    for (const layer of this.layers) {
      if (!groups.has(layer.department)) groups.set(layer.department, []);
      groups.get(layer.department).push(layer);
    }
    const order = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
    for (const dept of order) {
      const details = document.createElement('details');
      details.open = true;
      details.className = 'dept';
      details.dataset.department = dept;
      const summary = document.createElement('summary');
      const first = groups.get(dept)[0];
      summary.textContent = t(`dept.${dept}`) !== `dept.${dept}` ? t(`dept.${dept}`) : localized(first.departmentTitle) || dept;
      details.append(summary);
      for (const layer of groups.get(dept)) details.append(this.renderLayer(layer));
      this.root.append(details);
    }
  }

  title(layer) {
    const key = `layer.${layer.id}`;
    const fromServer = localized(layer.title);
    if (t(key) !== key && (fromServer === layer.id || !fromServer)) return t(key);
    return fromServer || t(key);
  }

  renderLayer(layer) {
    const row = document.createElement('div');
    row.className = 'layer';
    row.dataset.layer = layer.id;
    const head = document.createElement('label');
    head.className = 'layer-head';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = this.active.has(layer.id);
    box.disabled = !layer.accessible;
    box.addEventListener('change', () => this.toggle(layer, box.checked));
    const name = document.createElement('span');
    name.textContent = this.title(layer);
    head.append(box, name);
    if (layer.live) head.append(tag(t('catalog.live'), 'live'));
    if (!layer.accessible) head.append(tag(t('catalog.restricted'), 'restricted'));
    row.append(head);

    if (!layer.accessible) {
      const apply = button(t('catalog.apply'), () => this.apply(layer));
      apply.className = 'apply';
      row.append(apply);
      return row;
    }
    const controls = document.createElement('div');
    controls.className = 'layer-controls';
    const opacity = document.createElement('input');
    opacity.type = 'range';
    opacity.min = '0';
    opacity.max = '1';
    opacity.step = '0.05';
    opacity.value = String(this.active.get(layer.id)?.opacity ?? 0.75);
    opacity.title = t('catalog.opacity');
    opacity.setAttribute('aria-label', t('catalog.opacity'));
    opacity.addEventListener('input', () => this.active.get(layer.id)?.setOpacity(Number(opacity.value)));
    controls.append(opacity, button(t('catalog.zoomTo'), () => this.zoomTo(layer)));
    row.append(controls);
    const steps = this.steps.get(layer.id);
    if (steps) row.append(stepSlider(layer.id, steps, this.stepOf(layer.id), (i) => this.showStep(layer, i)));
    if (!this.handlers[layer.id]) {
      const legend = document.createElement('img');
      legend.className = 'legend';
      legend.alt = t('catalog.legend');
      legend.loading = 'lazy';
      legend.hidden = !this.active.has(layer.id);
      legend.addEventListener('error', () => legend.remove());
      legend.dataset.src = url(`wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&SLD_VERSION=1.1.0&LAYER=${encodeURIComponent(layer.id)}&LANGUAGE=${document.documentElement.lang}`);
      if (!legend.hidden) legend.src = legend.dataset.src;
      row.append(legend);
    }
    return row;
  }

  async toggle(layer, on) {
    const row = this.root.querySelector(`[data-layer="${CSS.escape(layer.id)}"]`);
    const legend = row?.querySelector('img.legend');
    if (on && !this.active.has(layer.id)) {
      const factory = this.handlers[layer.id] ?? ((viewer, l) => wmsOverlay(viewer, l.id, { time: this.timeOf(l) }));
      const shown = factory(this.viewer, layer);
      shown.opacity = Number(row?.querySelector('input[type=range]')?.value ?? 0.75);
      shown.setOpacity?.(shown.opacity);
      this.active.set(layer.id, shown);
      if (legend) { legend.hidden = false; legend.src ||= legend.dataset.src; }
    } else if (!on && this.active.has(layer.id)) {
      this.active.get(layer.id).remove();
      this.active.delete(layer.id);
      if (legend) legend.hidden = true;
    }
    const box = row?.querySelector('input[type=checkbox]');
    if (box) box.checked = on;
    this.viewer.scene.requestRender();
    this.onChange();
  }

  /** The step a scenario layer shows: the one chosen, else the last (the peak). */
  stepOf(id) {
    return this.stepIndex.get(id) ?? this.steps.get(id).length - 1;
  }

  /** TIME for a layer's WMS requests: its chosen step, the footer slider's time, or none. */
  timeOf(layer) {
    if (this.steps.has(layer.id)) return this.steps.get(layer.id)[this.stepOf(layer.id)];
    return layer.time ? this.time : null;
  }

  /** A scenario layer's slider was let go on step i: draw that step. */
  showStep(layer, i) {
    this.stepIndex.set(layer.id, i);
    if (this.active.has(layer.id) && !this.handlers[layer.id]) this.redraw(layer);
  }

  redraw(layer) {
    const shown = this.active.get(layer.id);
    shown.remove();
    const next = wmsOverlay(this.viewer, layer.id, { time: this.timeOf(layer) });
    next.setOpacity(shown.opacity ?? 0.75);
    next.opacity = shown.opacity;
    this.active.set(layer.id, next);
    this.viewer.scene.requestRender();
  }

  /** Re-requests time-aware WMS layers (not scenario layers, which have their own steps) for a new time or live (null). */
  setTime(iso) {
    this.time = iso;
    for (const layer of this.layers) {
      if (layer.time && !this.steps.has(layer.id) && this.active.has(layer.id) && !this.handlers[layer.id]) this.redraw(layer);
    }
  }

  async zoomTo(layer) {
    let bbox = layer.bbox;
    if (!bbox) {
      try {
        const c = await getJson(`ogc/collections/${encodeURIComponent(layer.id)}?f=json`);
        bbox = c.extent?.spatial?.bbox?.[0];
      } catch { /* no extent */ }
    }
    const shown = this.active.get(layer.id);
    if (!bbox && shown?.zoomTo) { shown.zoomTo(); return; }
    if (!bbox) { notify('catalog.noExtent'); return; }
    const [w, s, e, n] = Array.isArray(bbox) ? bbox : [bbox.minx ?? bbox.west, bbox.miny ?? bbox.south, bbox.maxx ?? bbox.east, bbox.maxy ?? bbox.north];
    this.viewer.camera.flyTo({ destination: Cesium.Rectangle.fromDegrees(w, s, e, n), duration: 1.5 });
  }

  async apply(layer) {
    if (!token()) { notify('auth.needed'); return; }
    const reason = window.prompt(t('catalog.applyReason'));
    if (reason === null) return;
    try {
      await postJson('api/access-requests', { layer: layer.id, purpose: reason });
      notify('catalog.applied');
    } catch (e) {
      notify(e instanceof ApiError && e.missing ? 'catalog.applyUnavailable' : 'catalog.applyFailed');
    }
  }
}

function rank(dept) {
  const i = DEPARTMENT_ORDER.indexOf(dept);
  return i < 0 ? 99 : i;
}

function tag(text, kind) {
  const span = document.createElement('span');
  span.className = `tag ${kind}`;
  span.textContent = text;
  return span;
}

function button(text, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', action);
  return b;
}
