// Autocomplete for the search box (an ARIA combobox); it hides itself when /api/suggest fails.
import { get } from './api.js';
import { h, replace } from './dom.js';

/** Wires suggestions to input; onChoose(text) runs when one is picked. */
export function attachSuggestions(input, list, onChoose, onAbout = null) {
  let active = -1;
  let items = [];
  let timer = 0;
  let controller = null;
  let disabled = false;

  const close = () => {
    // A suggestion request still on its way must not reopen the list after Enter or a choice.
    clearTimeout(timer);
    controller?.abort();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const show = (suggestions) => {
    items = suggestions;
    if (!items.length) { close(); return; }
    replace(list, items.map((s, i) => h('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); choose(i); },
    }, h('span', { class: 'text' }, s.text), ' ', h('span', { class: `kind ${s.kind}` }, s.kind),
      onAbout && s.kind !== 'title' ? h('button', {
        type: 'button', class: 'about-link', tabindex: '-1', title: `Who said what about ${s.text}`,
        onmousedown: (e) => { e.preventDefault(); e.stopPropagation(); close(); onAbout(s.text); },
      }, 'who said what') : null)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  const choose = (i) => {
    const s = items[i];
    close();
    if (s) onChoose(s.text);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (disabled) return;
    const prefix = input.value.trim();
    if (prefix.length < 2) { close(); return; }
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const r = await get('/api/suggest', new URLSearchParams({ q: prefix, limit: '8' }), { signal: controller.signal });
        if (input.value.trim() === prefix) show(r.suggestions ?? []);
      } catch (e) {
        if (e.name === 'AbortError') return;
        close();
        // Not available in this build: stop asking. Other failures: try again on the next keystroke.
        if (e.status === 501 || e.status === 404) disabled = true;
      }
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
