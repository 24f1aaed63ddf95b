// Steppe's search page: reads the state from the URL, asks the API, draws results, facets and articles.
import { ApiError, articlePath, get } from './api.js';
import { articleList, quoteCard } from './views.js';
import { bodyNodes, entityList } from './article.js';
import { drawDateChart } from './chart.js';
import { h, replace } from './dom.js';
import { FILTERS, LABELS, apiParams, href, readState, withChanges } from './state.js';
import { attachSuggestions } from './suggest.js';
import { aboutState, feedHref, renderAbout, renderSpeaker, speakerLink, speakerState } from './journalist.js';

const $ = (id) => document.getElementById(id);
const FACET_PREVIEW = 8;
let state = readState();
let inflight = null;
let typed = false; // whether the current history entry is a search being typed (later keystrokes replace it)
const TYPING_PAUSE_MS = 250;
const expanded = new Set(); // facets showing all their values

/** Goes to a new state: a history entry (so Back works) and a fresh render. */
function navigate(next) {
  typed = false;
  history.pushState(null, '', href(next));
  // A new page of results or another article starts at the top; ticking a filter keeps the place.
  const moved = next.view !== state.view || next.page !== state.page || next.id !== state.id;
  state = next;
  if (moved) window.scrollTo(0, 0);
  render();
}

/** A link to a state that navigates in place (plain clicks) or opens normally (new tab, copy link). */
function link(next, text, attrs = {}) {
  return h('a', {
    href: href(next), ...attrs,
    onclick: (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(next);
    },
  }, text);
}

function showAlert(message) {
  const el = $('alert');
  if (!message) { el.hidden = true; el.replaceChildren(); return; }
  replace(el, message);
  el.hidden = false;
}

async function render() {
  // data-ready tells tests (and anyone scripting the page) when a render has finished.
  document.body.dataset.ready = 'false';
  inflight?.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  // While the reader types, the box is theirs: results follow it, never the other way round.
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('sort').value = state.sort || 'relevance';
  $('tab-search').setAttribute('aria-current', state.view === 'search' ? 'page' : 'false');
  $('tab-quotes').setAttribute('aria-current', state.view === 'quotes' ? 'page' : 'false');
  $('tab-search').href = href({ ...state, view: 'search', id: '', page: 1 });
  $('tab-quotes').href = href({ ...state, view: 'quotes', id: '', page: 1 });
  showAlert(null);
  const isArticle = ['article', 'about', 'speaker'].includes(state.view);
  document.body.classList.toggle('reading', isArticle);
  $('article').hidden = !isArticle;
  try {
    if (state.view === 'about') await renderAbout($('article'), state, link, signal);
    else if (state.view === 'speaker') await renderSpeaker($('article'), state, link, signal);
    else if (isArticle) await renderArticle(signal);
    else await renderResults(signal);
  } catch (e) {
    if (e.name === 'AbortError') return; // a newer render took over
    const message = e instanceof ApiError && e.status === 400
      ? `That search could not be run: ${e.message}`
      : e instanceof ApiError && e.status === 404 ? e.message
        : e instanceof ApiError ? e.message : 'Something went wrong while drawing the page.';
    if (isArticle) {
      replace($('article'), link({ ...state, view: 'search', id: '' }, '← Back to results', { class: 'back' }),
        h('p', { class: 'alert', role: 'alert' }, message));
    }
    showAlert(message);
    $('status').textContent = e instanceof ApiError && e.status === 400 ? 'No results: the search needs fixing.' : 'No results.';
    replace($('hits'));
    replace($('pager'));
    if (!(e instanceof ApiError)) console.error(e);
  }
  document.body.dataset.ready = 'true';
}

async function renderResults(signal) {
  const quotes = state.view === 'quotes';
  // Articles fold repeated stories (a wire's second send) under the first as "N similar".
  const data = await get(quotes ? '/api/quotes' : '/api/search', apiParams(state, quotes ? {} : { group: 'similar' }), { signal });
  const noun = quotes ? (data.total === 1 ? 'quote' : 'quotes') : (data.total === 1 ? 'article' : 'articles');
  const size = 10;
  const pages = Math.max(1, Math.ceil(data.total / size));
  const where = state.q ? ` for “${state.q}”` : '';
  $('status').textContent = `${data.total.toLocaleString('en')} ${noun}${where}` + (pages > 1 ? ` · page ${state.page} of ${pages}` : '');
  document.title = `${state.q ? state.q + ' — ' : ''}${quotes ? 'Quotes' : 'Articles'} — Steppe`;
  const exportParams = apiParams({ ...state, page: 1 });
  $('export-csv').href = `${quotes ? '/api/quotes' : '/api/search'}?${withFormat(exportParams, 'csv')}`;
  $('export-json').href = `${quotes ? '/api/quotes' : '/api/search'}?${withFormat(exportParams, 'json')}`;
  $('follow').href = feedHref(state, quotes);
  renderDidYouMean(data.didYouMean);
  renderNotice(data.notice);
  renderChips();
  renderFacets(data.facets);
  if (quotes) replace($('hits'), data.quotes.map((q) => quoteCard(q, state, link)));
  else replace($('hits'), articleList(data.hits, state, link));
  if (!data.total) $('hits').append(h('li', { class: 'none' }, state.q || FILTERS.some((f) => state[f].length) || state.from || state.to
    ? `No ${noun} match. Try fewer words or remove a filter.` : `There are no ${noun} in the index yet.`));
  renderPager(pages);
}

function withFormat(params, format) {
  const p = new URLSearchParams(params);
  p.set('format', format);
  return p.toString();
}

/** What lenient reading changed in the query: a small line, not an error. */
function renderNotice(notice) {
  const el = $('notice');
  el.hidden = !notice;
  el.textContent = notice ? `Searched as words: ${notice}.` : '';
}

function renderDidYouMean(suggestion) {
  const el = $('did-you-mean');
  if (!suggestion || suggestion === state.q) { el.hidden = true; el.replaceChildren(); return; }
  replace(el, 'Did you mean ', link(withChanges(state, { q: suggestion }), suggestion, { class: 'dym' }), '?');
  el.hidden = false;
}

function renderChips() {
  const chips = [];
  for (const f of FILTERS) {
    for (const v of state[f]) {
      chips.push(chip(`${LABELS[f]}: ${v}`, withChanges(state, { [f]: state[f].filter((x) => x !== v) })));
    }
  }
  for (const v of state.about) {
    chips.push(chip(`About: ${v}`, withChanges(state, { about: state.about.filter((x) => x !== v) })));
  }
  if (state.from || state.to) {
    const label = state.from === state.to ? state.from : `${state.from || '…'} – ${state.to || '…'}`;
    chips.push(chip(`Date: ${label}`, withChanges(state, { from: '', to: '' })));
  }
  if (chips.length > 1) {
    const cleared = withChanges(state, { source: [], speaker: [], entity: [], about: [], from: '', to: '' });
    chips.push(h('li', {}, link(cleared, 'Clear all', { class: 'chip clear' })));
  }
  replace($('chips'), chips);
}

function chip(label, without) {
  return h('li', {}, link(without, [label, h('span', { 'aria-hidden': 'true', class: 'x' }, ' ×')],
    { class: 'chip', 'aria-label': `Remove filter ${label}` }));
}

function renderFacets(facets) {
  drawDateChart($('date-chart'), facets.date ?? [], facets.year ?? [], state,
    (from, to) => navigate(withChanges(state, { from, to })));
  const groups = [];
  for (const f of FILTERS) {
    const values = [...(facets[f] ?? [])];
    // A chosen value stays visible (and can be unticked) even when it has no hits left.
    for (const v of state[f]) if (!values.some((x) => x.value === v)) values.unshift({ value: v, count: 0 });
    if (!values.length) continue;
    const all = expanded.has(f);
    const shown = all ? values : values.slice(0, FACET_PREVIEW);
    const list = h('ul', { class: 'facet-values' }, shown.map((v, i) => facetValue(f, v, i)));
    const more = values.length > FACET_PREVIEW ? h('button', {
      type: 'button', class: 'more', 'aria-expanded': String(all),
      onclick: () => { if (all) expanded.delete(f); else expanded.add(f); renderFacets(facets); },
    }, all ? 'Show fewer' : `Show all ${values.length}`) : null;
    groups.push(h('fieldset', { class: 'facet' }, h('legend', {}, LABELS[f]), list, more));
  }
  replace($('facets'), groups);
}

function facetValue(facet, v, i) {
  const id = `f-${facet}-${i}`;
  const checked = state[facet].includes(v.value);
  const box = h('input', { type: 'checkbox', id, value: v.value, checked });
  box.addEventListener('change', () => {
    const values = box.checked ? [...state[facet], v.value] : state[facet].filter((x) => x !== v.value);
    navigate(withChanges(state, { [facet]: values }));
  });
  return h('li', {}, box, h('label', { for: id },
    h('span', { class: 'value' }, v.value), v.type ? h('span', { class: `type ${v.type}` }, v.type) : null,
    h('span', { class: 'count' }, v.count.toLocaleString('en'))),
    facet === 'entity' ? link(aboutState(state, [v.value]), 'who said what', { class: 'about-link', title: `Who said what about ${v.value}` })
      : facet === 'speaker' ? link(speakerState(state, v.value), 'page', { class: 'about-link', title: `${v.value}: speaker page` }) : null);
}

function renderPager(pages) {
  const items = [];
  if (state.page > 1) items.push(link(withChanges(state, { page: state.page - 1 }), '← Previous', { rel: 'prev' }));
  if (pages > 1) items.push(h('span', { class: 'where' }, `Page ${state.page} of ${pages}`));
  if (state.page < pages) items.push(link(withChanges(state, { page: state.page + 1 }), 'Next →', { rel: 'next' }));
  replace($('pager'), items);
}

async function renderArticle(signal) {
  const el = $('article');
  replace(el, h('p', { class: 'loading' }, 'Loading…'));
  const a = await get(articlePath(state.id), null, { signal });
  document.title = `${a.title ?? a.id} — Steppe`;
  const back = link({ ...state, view: 'search', id: '' }, '← Back to results', { class: 'back' });
  const entityLink = (name) => [link(withChanges({ ...state, view: 'search', id: '' }, { entity: [name] }), name), ' ',
    link(aboutState({ ...state, q: '', id: '' }, [name]), 'who said what', { class: 'about-link', title: `Who said what about ${name}` })];
  const quotes = a.quotes.map((q, i) => h('li', {},
    h('q', {}, q.text), ' — ', h('strong', {}, speakerLink(q.speaker, state, link)), q.role ? `, ${q.role}` : '',
    q.start >= 0 ? [' ', h('a', { href: `#quote-${i}`, class: 'jump', onclick: (e) => { e.preventDefault(); jumpTo(`quote-${i}`); } }, 'show in text')] : null));
  const similar = h('div', { class: 'similar' });
  replace(el,
    back,
    h('header', {},
      h('h1', { id: 'article-title', tabindex: '-1' }, a.title ?? '(untitled)'),
      h('p', { class: 'meta' }, [a.source ?? 'unknown source', a.date ?? 'undated', a.author].filter(Boolean).join(' · '),
        a.url ? [' · ', h('span', { class: 'url' }, a.url)] : null)),
    h('div', { class: 'article-grid' },
      h('div', { class: 'body', lang: 'en' }, bodyNodes(a)),
      h('aside', { class: 'article-side', 'aria-label': 'In this article' },
        h('h2', {}, 'Quotes'), quotes.length ? h('ol', { class: 'quote-list' }, quotes) : h('p', { class: 'empty' }, 'No quotes found.'),
        h('h2', {}, 'Entities'), entityList(a, entityLink),
        similar)));
  $('article-title').focus();
  loadSimilar(a.id, similar, signal);
}

async function loadSimilar(id, el, signal) {
  try {
    const r = await get(articlePath(id) + '/similar', new URLSearchParams({ size: '5' }), { signal });
    if (!r.hits.length) return;
    replace(el, h('h2', {}, 'Similar articles'), h('ul', {}, r.hits.map((x) =>
      h('li', {}, link({ ...state, view: 'article', id: x.id }, x.title ?? x.id)))));
  } catch {
    // Similar articles are a bonus: when unavailable the panel stays empty.
  }
}

function jumpTo(id) {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), 1500);
}

function init() {
  const input = $('q');
  const suggestions = attachSuggestions(input, $('suggestions'), (text) => {
    input.value = text;
    $('search-form').requestSubmit();
  }, (name) => navigate(aboutState({ ...state, q: '' }, [name])));
  let pause = 0;
  const searchFor = (text) => withChanges(state, { q: text, view: state.view === 'article' ? 'search' : state.view, id: '' });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(pause);
    suggestions.close();
    const next = searchFor(input.value.trim());
    if (typed && next.q === state.q) { typed = false; return; } // already showing: Enter only settles it
    navigate(next);
  });
  // Search as you type: after a short pause, the results follow the box. The first pause of a
  // search adds a history entry, later ones replace it, so Back returns to the search before.
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => {
      const next = searchFor(input.value.trim());
      if (next.q === state.q && next.view === state.view) return;
      if (typed) history.replaceState(null, '', href(next));
      else history.pushState(null, '', href(next));
      typed = true;
      state = next;
      render();
    }, TYPING_PAUSE_MS);
  });
  $('sort').addEventListener('change', (e) => navigate(withChanges(state, { sort: e.target.value })));
  const toggle = $('filters-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('filters-open', open);
  });
  for (const a of document.querySelectorAll('a[data-nav]')) {
    a.addEventListener('click', (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(readState(new URL(a.href).search));
    });
  }
  window.addEventListener('popstate', () => { state = readState(); render(); });
  render();
}

init();
