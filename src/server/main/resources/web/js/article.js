// The article view: body text with entity mentions and quotes marked from their offsets.
import { h } from './dom.js';

const TYPE_LABELS = { person: 'People', organization: 'Organisations', place: 'Places', misc: 'Other' };

/** Keeps spans in text order, dropping any that overlap one already kept or fall outside the text. */
function nonOverlapping(spans, length) {
  const out = [];
  let end = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start < end || s.start < 0 || s.end > length || s.end <= s.start) continue;
    out.push(s);
    end = s.end;
  }
  return out;
}

/** Text nodes and entity <mark>s for body[from, to), mentions clipped to that range. */
function withEntities(body, from, to, mentions) {
  const out = [];
  let at = from;
  for (const m of mentions) {
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (e <= s || s < at) continue;
    if (s > at) out.push(document.createTextNode(body.slice(at, s)));
    out.push(h('mark', { class: `entity ${m.type}`, title: `${m.name} (${m.type})` }, body.slice(s, e)));
    at = e;
  }
  if (at < to) out.push(document.createTextNode(body.slice(at, to)));
  return out;
}

/** The body as nodes: quotes as <q>-like spans holding their entity marks; offsets are UTF-16 indices, like JS strings. */
export function bodyNodes(article) {
  const body = article.body ?? '';
  const mentions = nonOverlapping(article.entities.flatMap((e) =>
    e.mentions.map((m) => ({ start: m.start, end: m.end, name: e.name, type: e.type }))), body.length);
  const quotes = nonOverlapping(article.quotes.map((q, i) => ({ ...q, index: i })), body.length);
  const out = [];
  let at = 0;
  for (const q of quotes) {
    out.push(...withEntities(body, at, q.start, mentions));
    const who = q.speaker ? `${q.speaker}${q.role ? ', ' + q.role : ''}` : 'unknown speaker';
    out.push(h('span', { class: 'quote', id: `quote-${q.index}`, title: `Quote (${q.kind}) — ${who}` },
      withEntities(body, q.start, q.end, mentions)));
    at = q.end;
  }
  out.push(...withEntities(body, at, body.length, mentions));
  return out;
}

/** The entity list, grouped by type; each links to a search for articles mentioning it. */
export function entityList(article, linkFor) {
  const groups = new Map();
  for (const e of article.entities) {
    if (!groups.has(e.type)) groups.set(e.type, []);
    groups.get(e.type).push(e);
  }
  const sections = [];
  for (const type of ['person', 'organization', 'place', 'misc']) {
    const list = groups.get(type);
    if (!list?.length) continue;
    list.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    sections.push(h('h3', {}, TYPE_LABELS[type]), h('ul', { class: `entity-list ${type}` },
      list.map((e) => h('li', {}, linkFor(e.name), ' ', h('span', { class: 'count' }, `×${e.mentions.length}`)))));
  }
  return sections.length ? sections : [h('p', { class: 'empty' }, 'No entities found.')];
}
