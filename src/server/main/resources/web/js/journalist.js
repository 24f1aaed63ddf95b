// The journalist's views: who said what about X (speakers on a shared time axis), speaker pages,
// "reported by" on quote cards and the feed link. Everything from documents goes into text nodes.
import { get } from './api.js';
import { h, replace } from './dom.js';
import { apiParams, withChanges } from './state.js';

const ABOUT_QUOTES = 100;

/** The page state of a speaker's page. */
export function speakerState(state, name) {
  return { ...state, view: 'speaker', name, id: '', page: 1 };
}

/** The page state of "who said what about" these entities (keeping the other filters). */
export function aboutState(state, names) {
  return { ...withChanges(state, { about: names }), view: 'about', id: '', name: '' };
}

/** A speaker's name as a link to their page (plain text when unknown). */
export function speakerLink(name, state, link, attrs = {}) {
  if (!name) return h('span', attrs, 'Unknown speaker');
  return link(speakerState(state, name), name, { ...attrs, title: `${name}: speaker page` });
}

/** "reported by N sources": the other articles carrying the same quotation, each a link. */
export function reportedBy(q, state, link) {
  const others = q.reportedBy ?? [];
  if (!others.length) return null;
  return h('details', { class: 'reported-by' },
    h('summary', {}, `reported by ${others.length + 1} sources`),
    h('ul', {}, others.map((r) => h('li', {},
      link({ ...state, view: 'article', id: r.articleId, name: '' },
        [r.source ?? 'unknown source', r.date ?? 'undated', r.title].filter(Boolean).join(' · '))))));
}

/** The Atom feed of the search on screen: the same parameters, no page. */
export function feedHref(state, quotes) {
  const p = apiParams({ ...state, page: 1, sort: '' });
  const s = p.toString();
  return (quotes ? '/api/quotes.atom' : '/api/search.atom') + (s ? `?${s}` : '');
}

/** Who said what about state.about: one row per speaker, their quotes as dots on one time axis. */
export async function renderAbout(el, state, link, signal) {
  const names = state.about;
  replace(el, h('p', { class: 'loading' }, 'Loading…'));
  const params = apiParams({ ...state, page: 1, sort: 'oldest' }, { size: String(ABOUT_QUOTES), collapse: 'true' });
  const data = await get('/api/quotes', params, { signal });
  document.title = `Who said what about ${names.join(' and ')} — Steppe`;
  const bySpeaker = new Map();
  for (const q of data.quotes) {
    const key = q.speaker ?? '';
    if (!bySpeaker.has(key)) bySpeaker.set(key, []);
    bySpeaker.get(key).push(q);
  }
  const rows = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] ? 0 : 1));
  const days = data.quotes.map((q) => q.article?.date).filter(Boolean).map((d) => Date.parse(d));
  const first = days.length ? Math.min(...days) : 0;
  const span = days.length ? Math.max(...days) - first : 0;
  const position = (date) => (span ? ((Date.parse(date) - first) / span) * 100 : 50);
  const axis = days.length ? h('div', { class: 'about-axis', 'aria-hidden': 'true' },
    h('span', {}, new Date(first).toISOString().slice(0, 10)), h('span', {}, new Date(first + span).toISOString().slice(0, 10))) : null;
  const table = h('ol', { class: 'about-rows' }, rows.map(([speaker, quotes]) => h('li', { class: 'about-row' },
    h('div', { class: 'about-speaker' }, speakerLink(speaker || null, state, link, { class: 'speaker' }),
      h('span', { class: 'count' }, ` ${quotes.length}`)),
    h('div', { class: 'about-track', role: 'list', 'aria-label': `Quotes by ${speaker || 'unknown speakers'} over time` },
      quotes.filter((q) => q.article?.date).map((q) => link({ ...state, view: 'article', id: q.article.id, name: '' }, '', {
        class: 'about-dot', role: 'listitem', dataset: { left: String(position(q.article.date)) },
        title: `${q.article.date} · ${q.article.source ?? 'unknown source'}: “${q.text}”`,
        'aria-label': `${q.article.date}: ${q.text}`,
      }))),
    h('details', { class: 'about-quotes' }, h('summary', {}, 'Quotes'),
      h('ul', {}, quotes.map((q) => h('li', {}, h('q', {}, q.text), ' ',
        link({ ...state, view: 'article', id: q.article.id, name: '' },
          `${q.article.source ?? 'unknown source'} · ${q.article.date ?? 'undated'}`, { class: 'read' }),
        reportedBy(q, state, link))))))));
  replace(el,
    link({ ...state, view: 'quotes', id: '', name: '' }, '← All quotes', { class: 'back' }),
    h('header', {}, h('h1', { id: 'article-title', tabindex: '-1' }, `Who said what about ${names.join(' and ')}`),
      h('p', { class: 'meta', id: 'about-status' },
        `${data.total.toLocaleString('en')} ${data.total === 1 ? 'quote' : 'quotes'} by ${rows.length} ${rows.length === 1 ? 'speaker' : 'speakers'}`
        + (data.total > ABOUT_QUOTES ? ` (the oldest ${ABOUT_QUOTES} shown)` : ''),
        ' · ', h('a', { href: feedHref(state, true), class: 'follow', type: 'application/atom+xml' }, 'Follow these quotes'))),
    rows.length ? [axis, table] : h('p', { class: 'empty' }, 'No quotes mention it.'));
  // Positions are set through the CSSOM: the page's policy allows no inline style attributes.
  for (const dot of el.querySelectorAll('.about-dot')) dot.style.left = `${dot.dataset.left}%`;
  el.querySelector('#article-title').focus();
}

/** A speaker's page: names, roles, sources, dates and what they talk about. */
export async function renderSpeaker(el, state, link, signal) {
  replace(el, h('p', { class: 'loading' }, 'Loading…'));
  const s = await get('/api/speakers/' + encodeURIComponent(state.name), null, { signal });
  document.title = `${s.name} — Steppe`;
  const theirQuotes = { ...withChanges(state, { q: '', speaker: [s.name], about: [] }), view: 'quotes', name: '' };
  const values = (list, to) => h('ul', { class: 'values' }, list.map((v) => h('li', {},
    to ? link(to(v.value), v.value) : v.value, h('span', { class: 'count' }, ` ${v.count.toLocaleString('en')}`))));
  replace(el,
    link({ ...state, view: 'quotes', name: '' }, '← Back to quotes', { class: 'back' }),
    h('header', {}, h('h1', { id: 'article-title', tabindex: '-1' }, s.name),
      h('p', { class: 'meta', id: 'speaker-summary' },
        `${s.quotes.toLocaleString('en')} ${s.quotes === 1 ? 'quote' : 'quotes'}`,
        s.firstDate ? ` · ${s.firstDate === s.lastDate ? s.firstDate : `${s.firstDate} – ${s.lastDate}`}` : ' · undated',
        ' · ', link(theirQuotes, 'All their quotes'))),
    h('div', { class: 'speaker-grid' },
      h('section', { 'aria-labelledby': 'sp-about' }, h('h2', { id: 'sp-about' }, 'Talks most about'),
        s.about.length ? values(s.about, (name) => ({ ...theirQuotes, about: [name] })) : h('p', { class: 'empty' }, 'Nothing named.')),
      h('section', { 'aria-labelledby': 'sp-roles' }, h('h2', { id: 'sp-roles' }, 'Roles'),
        s.roles.length ? h('ul', { class: 'values' }, s.roles.map((r) => h('li', {}, r.role,
          h('span', { class: 'count' }, ` ${r.quotes} · ${r.first ?? 'undated'}${r.last && r.last !== r.first ? ` – ${r.last}` : ''}`))))
          : h('p', { class: 'empty' }, 'No role stated.')),
      h('section', { 'aria-labelledby': 'sp-sources' }, h('h2', { id: 'sp-sources' }, 'Quoted by'),
        values(s.sources, (source) => ({ ...theirQuotes, source: [source] }))),
      h('section', { 'aria-labelledby': 'sp-names' }, h('h2', { id: 'sp-names' }, 'Named as'),
        s.spellings.length ? values(s.spellings) : h('p', { class: 'empty' }, 'Only by pronouns.'))));
  el.querySelector('#article-title').focus();
}
