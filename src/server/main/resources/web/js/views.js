// Result lists: article hits and quote cards, built from nodes (document text only ever as text).
import { h, snippetNodes } from './dom.js';
import { withChanges } from './state.js';
import { aboutState, reportedBy, speakerLink } from './journalist.js';

const ENTITY_PREVIEW = 5;

/** One <li> per hit: linked title, source and date, highlighted snippet, a few entities as filter links. */
export function articleList(hits, state, link) {
  return hits.map((hit) => {
    const open = { ...state, view: 'article', id: hit.id };
    const entities = hit.entities.slice(0, ENTITY_PREVIEW).map((e) =>
      h('li', {}, link(withChanges(state, { entity: [...new Set([...state.entity, e.name])] }), e.name,
        { class: `tag ${e.type}`, title: `Only articles mentioning ${e.name} (${e.type})` }),
        link(aboutState({ ...state, q: '' }, [e.name]), '❝', { class: 'about-link tag-about', title: `Who said what about ${e.name}`, 'aria-label': `Who said what about ${e.name}` })));
    return h('li', { class: 'hit' },
      h('h2', {}, link(open, hit.title ?? `(untitled) ${hit.id}`)),
      h('p', { class: 'meta' },
        h('span', { class: 'source' }, hit.source ?? 'unknown source'), ' · ',
        h('time', hit.date ? { datetime: hit.date } : {}, hit.date ?? 'undated'),
        hit.author ? [' · ', h('span', { class: 'author' }, hit.author)] : null),
      hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null,
      entities.length ? h('ul', { class: 'tags', 'aria-label': 'Mentions' }, entities) : null,
      similarStories(hit.similar ?? [], state, link));
  });
}

/** The repeats of a story folded under it: "2 similar", opening to a link to each. */
function similarStories(similar, state, link) {
  if (!similar.length) return null;
  return h('details', { class: 'similar-stories' },
    h('summary', {}, `${similar.length} similar`),
    h('ul', {}, similar.map((s) => h('li', {},
      link({ ...state, view: 'article', id: s.id }, [s.source ?? 'unknown source', s.date ?? 'undated'].join(' · '))))));
}

/** A quote card: the words (matches marked), speaker and role, source and date, a link to the article. */
export function quoteCard(q, state, link) {
  const a = q.article ?? {};
  return h('li', { class: 'quote-card' }, h('figure', {},
    h('blockquote', { class: `kind-${q.kind}` }, snippetNodes(q.snippet)),
    h('figcaption', {},
      speakerLink(q.speaker, state, link, { class: 'speaker' }), q.role ? h('span', { class: 'role' }, `, ${q.role}`) : null,
      h('span', { class: 'meta' }, ` · ${a.source ?? 'unknown source'} · ${a.date ?? 'undated'} · ${q.kind}`),
      h('br'),
      link({ ...state, view: 'article', id: a.id }, a.title ? `Read “${a.title}”` : 'Read the article', { class: 'read' }),
      reportedBy(q, state, link))));
}
