// The article result list.
import { h, snippetNodes } from './dom.js';
import { withChanges } from './state.js';

const ENTITY_PREVIEW = 5;

/** One <li> per hit: linked title, source and date, highlighted snippet, a few entities as filter links. */
export function articleList(hits, state, link) {
  return hits.map((hit) => {
    const open = { ...state, view: 'article', id: hit.id };
    const entities = hit.entities.slice(0, ENTITY_PREVIEW).map((e) =>
      h('li', {}, link(withChanges(state, { entity: [...new Set([...state.entity, e.name])] }), e.name,
        { class: `tag ${e.type}`, title: `Only articles mentioning ${e.name} (${e.type})` })));
    return h('li', { class: 'hit' },
      h('h2', {}, link(open, hit.title ?? `(untitled) ${hit.id}`)),
      h('p', { class: 'meta' },
        h('span', { class: 'source' }, hit.source ?? 'unknown source'), ' · ',
        h('time', hit.date ? { datetime: hit.date } : {}, hit.date ?? 'undated'),
        hit.author ? [' · ', h('span', { class: 'author' }, hit.author)] : null),
      hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null,
      entities.length ? h('ul', { class: 'tags', 'aria-label': 'Mentions' }, entities) : null);
  });
}
