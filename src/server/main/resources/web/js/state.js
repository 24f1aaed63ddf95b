// The whole page state lives in the query string, so every view is a shareable link.

export const FILTERS = ['source', 'speaker', 'entity'];
export const LABELS = { source: 'Source', speaker: 'Speaker', entity: 'Entity' };

/** Reads the state from a query string (location.search by default). */
export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const view = ['search', 'quotes', 'article', 'about', 'speaker'].includes(p.get('view')) ? p.get('view') : 'search';
  return {
    view,
    q: p.get('q') ?? '',
    source: p.getAll('source'),
    speaker: p.getAll('speaker'),
    entity: p.getAll('entity'),
    about: p.getAll('about'),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    sort: p.get('sort') ?? '',
    page: Math.max(1, parseInt(p.get('page') ?? '1', 10) || 1),
    id: p.get('id') ?? '',
    name: p.get('name') ?? '',
  };
}

/** The search parameters for the API (no view, id or empty values). */
export function apiParams(state, extra = {}) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) p.append(f, v);
  for (const v of state.about ?? []) p.append('about', v);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

/** The page URL (query string) for a state. */
export function href(state) {
  const p = apiParams(state);
  if (state.view !== 'search') p.set('view', state.view);
  if (state.view === 'article' && state.id) p.set('id', state.id);
  if (state.view === 'speaker' && state.name) p.set('name', state.name);
  const s = p.toString();
  return s ? `?${s}` : location.pathname;
}

/** A copy of state with changes applied; filters and query changes go back to page 1. */
export function withChanges(state, changes) {
  const next = { ...state, ...changes };
  if (!('page' in changes)) next.page = 1;
  return next;
}
