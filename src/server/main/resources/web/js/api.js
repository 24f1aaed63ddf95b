// Talking to the JSON API; a failure becomes an ApiError carrying the server's message.

export class ApiError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

/** GETs path?params and returns the parsed JSON, or throws ApiError. */
export async function get(path, params, { signal } = {}) {
  const qs = params ? params.toString() : '';
  let res;
  try {
    res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Is `steppe serve` still running?');
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: handled below */ }
  if (!res.ok) {
    throw new ApiError(res.status, body?.error ?? 'http', body?.message ?? `The server answered ${res.status}.`);
  }
  return body;
}

/** The URL path of an article: each segment encoded, slashes kept (the server refuses %2F). */
export function articlePath(id) {
  return '/api/articles/' + id.split('/').map(encodeURIComponent).join('/');
}
