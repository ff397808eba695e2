// HTTP access to the Tidemark server. All URLs are relative to the page, so the viewer works under
// any context path; the bearer token from sign-in is attached to every request.
const TOKEN_KEY = 'tidemark.token';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }

  /** True when the endpoint does not exist (yet) on this server, as opposed to a failed request. */
  get missing() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

export function token() {
  try { return localStorage.getItem(TOKEN_KEY); } catch { return null; }
}

export function setToken(value) {
  try {
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: the session lasts as long as the page */ }
}

export function authHeaders() {
  const value = token();
  return value ? { Authorization: `Bearer ${value}` } : {};
}

/** Resolves a service path (no leading slash) against the page. */
export function url(path) {
  return new URL(path, document.baseURI).href;
}

export async function request(path, { method = 'GET', body, headers = {}, accept = 'application/json' } = {}) {
  const init = { method, headers: { Accept: accept, ...authHeaders(), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] ??= 'application/json';
  }
  let response;
  try {
    response = await fetch(url(path), init);
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || problem.description || '';
    } catch { /* not a problem document */ }
    throw new ApiError(response.status, detail);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const getJson = (path) => request(path);
export const postJson = (path, body, headers) => request(path, { method: 'POST', body, headers });
