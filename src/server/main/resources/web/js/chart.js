// The date facet as a bar chart over time: one bar per month (per year when the span is long).
import { h, replace } from './dom.js';

const MAX_MONTH_BARS = 60;

/** Every month from first to last bucket, zero-filled, so gaps in time show as gaps. */
function timeline(months, years) {
  if (!months.length) return [];
  const counts = new Map(months.map((m) => [m.value, m.count]));
  const [y0, m0] = months[0].value.split('-').map(Number);
  const [y1, m1] = months[months.length - 1].value.split('-').map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (span > MAX_MONTH_BARS) {
    const yc = new Map(years.map((y) => [y.value, y.count]));
    const out = [];
    for (let y = y0; y <= y1; y++) out.push({ value: String(y), count: yc.get(String(y)) ?? 0 });
    return out;
  }
  const out = [];
  for (let i = 0; i < span; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const v = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ value: v, count: counts.get(v) ?? 0 });
  }
  return out;
}

/**
 * Draws the chart into el. onPick(from, to) gets the first and last bucket chosen, by a click,
 * a drag across bars, or Enter/Space on a focused bar.
 */
export function drawDateChart(el, months, years, selected, onPick) {
  const bars = timeline(months, years);
  if (!bars.length) {
    replace(el, h('p', { class: 'empty' }, 'No dated results.'));
    return;
  }
  const max = Math.max(...bars.map((b) => b.count), 1);
  let dragFrom = -1;
  let dragTo = -1;
  const buttons = bars.map((b, i) => {
    const noun = b.count === 1 ? 'result' : 'results';
    const btn = h('button', {
      type: 'button', class: 'bar', 'aria-label': `${b.value}: ${b.count} ${noun}`, title: `${b.value}: ${b.count} ${noun}`,
      'aria-pressed': inRange(b.value, selected) ? 'true' : 'false', dataset: { index: String(i) },
    }, h('span', { class: 'fill' }));
    // Height through CSSOM (allowed by the Content-Security-Policy, unlike a style attribute).
    btn.firstChild.style.setProperty('--h', `${Math.max(b.count ? 6 : 0, Math.round((b.count / max) * 100))}%`);
    return btn;
  });
  const mark = () => buttons.forEach((b, i) => b.classList.toggle('dragging', dragFrom >= 0 && i >= Math.min(dragFrom, dragTo) && i <= Math.max(dragFrom, dragTo)));
  const pick = (a, b) => onPick(bars[Math.min(a, b)].value, bars[Math.max(a, b)].value);
  buttons.forEach((btn, i) => {
    btn.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      dragFrom = dragTo = i;
      btn.releasePointerCapture?.(e.pointerId); // let pointerenter fire on the other bars
      mark();
      e.preventDefault();
    });
    btn.addEventListener('pointerenter', () => {
      if (dragFrom < 0) return;
      dragTo = i;
      mark();
    });
    btn.addEventListener('click', (e) => {
      // A pointer pick is handled on pointerup; this is Enter or Space on a focused bar.
      if (e.detail === 0) pick(i, i);
    });
  });
  const end = () => {
    if (dragFrom < 0) return;
    const a = dragFrom;
    const b = dragTo;
    dragFrom = dragTo = -1;
    mark();
    pick(a, b);
  };
  el.onpointerup = end;
  el.onpointerleave = (e) => { if (dragFrom >= 0 && e.buttons === 0) end(); };
  const axis = h('div', { class: 'axis' }, h('span', {}, bars[0].value), bars.length > 1 ? h('span', {}, bars[bars.length - 1].value) : null);
  // Few bars stay slim instead of stretching into blocks: the chart is at most --n bars of 1.75rem.
  const inner = h('div', { class: 'inner' }, h('div', { class: 'bars' }, buttons), axis);
  inner.style.setProperty('--n', String(bars.length));
  replace(el, inner);
}

function inRange(value, { from, to }) {
  if (!from && !to) return false;
  return (!from || value >= from.slice(0, value.length)) && (!to || value <= to.slice(0, value.length));
}
