// Overview: the question, where the synthesis stands, the summary of findings and the overview figure.
import { registerView, el, svg, num } from './app.js';
import { get } from './api.js';

registerView('overview', 'Overview', async (root) => {
  const o = await get('/api/overview');
  root.append(el('h1', { text: o.title }));
  if (o.question) root.append(el('p', { class: 'question', text: o.question }));

  root.append(el('h2', { text: 'Where this synthesis stands' }));
  root.append(el('ol', { class: 'steps' }, ...o.steps.map(s =>
    el('li', { class: s.of > 0 && s.done === s.of ? 'step done' : 'step', 'data-step': s.id },
      el('span', { class: 'step-label', text: s.label }),
      el('span', { class: 'step-count', text: s.done + ' of ' + s.of }),
      el('span', { class: 'muted', text: s.note })))));

  for (const w of o.warnings) root.append(el('p', { class: 'warning', text: 'Warning: ' + w }));

  root.append(el('h2', { text: 'Summary of findings' }));
  const head = el('tr', {}, ...['Effect', 'Aggregated', 'Bel', 'Pl', 'Findings', 'Studies', 'Published']
    .map(h => el('th', { text: h })));
  const rows = o.summary.map(r => el('tr', { 'data-effect': r.effect },
    el('td', { text: r.label }),
    el('td', { class: 'hyp', text: r.hypothesis || 'no findings' }),
    el('td', { class: 'num bel', text: num(r.belief) }),
    el('td', { class: 'num', text: num(r.plausibility) }),
    el('td', { class: 'num', text: r.findings }),
    el('td', { class: 'num', text: r.studies }),
    el('td', { class: 'muted', text: r.published ? r.published + ' (' + num(r.publishedBelief) + ')' : '' })));
  root.append(el('table', { class: 'summary' }, el('thead', {}, head), el('tbody', {}, ...rows)));

  root.append(el('h2', { text: 'Overview figure' }));
  root.append(el('figure', { class: 'figure' }, svg(o.figure)));
});
