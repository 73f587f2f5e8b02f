// What if: switch studies or single findings off, change the rule, selector, assignment or cut points,
// and see the what-flips table, the theory diagram and the forest plots change at once, computed by the
// server in memory and never saved; "Keep this" writes the policy part to synthesis.yaml (policies:).
// Figures are the report's SVGs (their texts escaped server-side); everything else is textContent.
import { registerView, el, svg, num, banner, status } from './app.js';
import { get, send, ApiError } from './api.js';

const KIND_LABEL = {
  flips: 'flips', 'belief-changes': 'belief changes', unchanged: 'unchanged', 'no-findings': 'no findings left',
  failed: 'fails',
};

registerView('whatif', 'What if', async (root) => {
  const o = await get('/api/whatif');
  const state = { studies_off: new Set(), findings_off: new Set(), rule: o.policies.rule, selector: o.policies.selector,
    assignment: o.policies.assignment, cut_points: structuredClone(o.policies.cut_points) };
  let version = o.version;
  let asked = 0;

  root.append(el('h1', { text: 'What if' }));
  root.append(el('p', { class: 'muted', text: 'Nothing here is saved until you press \u201cKeep this\u201d, which writes '
    + 'the rule, selector, assignment and cut points to synthesis.yaml. Studies and findings switched off are never saved.' }));
  const controls = el('aside', { class: 'whatif-controls' });
  const results = el('section', { class: 'whatif-results', 'aria-live': 'polite' });
  root.append(el('div', { class: 'whatif' }, controls, results));

  // studies and findings
  controls.append(el('h2', { text: 'Evidence' }));
  for (const s of o.studies) {
    const box = el('input', { type: 'checkbox', checked: true, 'data-study': s.id, 'aria-label': 'Include study ' + s.id,
      onchange: () => { box.checked ? state.studies_off.delete(s.id) : state.studies_off.add(s.id); update(); } });
    const findings = [];
    for (const m of s.evidence) {
      for (const f of m.findings) {
        const fb = el('input', { type: 'checkbox', checked: true, 'data-finding': f.key, 'aria-label': 'Include finding ' + f.key,
          onchange: () => { fb.checked ? state.findings_off.delete(f.key) : state.findings_off.add(f.key); update(); } });
        findings.push(el('li', {}, el('label', { class: 'inline' }, fb, ' ' + m.id + ' ' + m.label + ': ' + f.concept)));
      }
    }
    controls.append(el('div', { class: 'study' },
      el('label', { class: 'inline' }, box, ' ', el('strong', { text: s.id }), ' ',
        el('span', { class: 'muted', text: s.type + (s.belief !== null ? ', B ' + num(s.belief) : '') })),
      el('div', { class: 'muted small', text: s.citation }),
      el('details', {}, el('summary', { text: findings.length + ' findings' }), el('ul', { class: 'list findings' }, ...findings))));
  }

  // policies
  controls.append(el('h2', { text: 'Policies' }));
  const select = (name, options, value) => {
    const sel = el('select', { name, 'aria-label': name, onchange: () => { state[name] = sel.value; update(); } },
      ...options.map(x => el('option', { value: x.id, selected: x.id === value, text: x.label })));
    return el('div', {}, el('label', { text: name[0].toUpperCase() + name.slice(1) }), sel);
  };
  controls.append(select('rule', o.rules, state.rule));
  controls.append(select('selector', o.selectors, state.selector));
  controls.append(select('assignment', o.assignments.map(a => ({ id: a, label: a })), state.assignment));
  for (const [family, cuts] of Object.entries(state.cut_points)) {
    const inputs = cuts.map((c, i) => el('input', { type: 'number', step: 'any', value: c, class: 'cut',
      name: 'cut_points.' + family + '[' + i + ']', 'aria-label': family + ' c' + (i + 1),
      onchange: (ev) => { state.cut_points[family][i] = Number(ev.target.value); update(); } }));
    controls.append(el('div', {}, el('label', { text: 'Cut points: ' + family }), el('div', { class: 'cuts' }, ...inputs),
      el('p', { class: 'field-error', 'data-error': 'cut_points.' + family })));
  }
  controls.append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'primary keep', text: 'Keep this', onclick: keep }),
    el('button', { type: 'button', text: 'Reset', onclick: () => location.reload() })));

  function scenario() {
    return { studies_off: [...state.studies_off], findings_off: [...state.findings_off], rule: state.rule,
      selector: state.selector, assignment: state.assignment, cut_points: state.cut_points };
  }

  async function update() {
    const mine = ++asked;
    for (const e of controls.querySelectorAll('.field-error')) e.textContent = '';
    try {
      const r = await send('POST', '/api/whatif', scenario());
      if (mine === asked) draw(r);
    } catch (e) {
      if (mine !== asked) return;
      if (!(e instanceof ApiError)) throw e;
      const field = e.body.field && e.body.field.replace(/\[\d+\]$/, '');
      const slot = field && controls.querySelector('[data-error="' + field + '"]');
      if (slot) slot.textContent = e.message; else banner(e.message);
    }
  }

  async function keep() {
    try {
      status('saving');
      const body = scenario();
      body.version = version;
      const k = await send('POST', '/api/whatif/keep', body);
      version = k.version;
      status('saved');
      banner('Policies written to synthesis.yaml.' + (k.not_written ? ' ' + k.not_written + '.' : ''), 'info');
    } catch (e) {
      status('error');
      if (!(e instanceof ApiError)) throw e;
      banner(e.message);
    }
  }

  function draw(r) {
    results.replaceChildren();
    const changed = r.changes.filter(c => c.kind !== 'unchanged').length;
    results.append(el('p', { class: 'whatif-summary' },
      el('strong', { text: r.flips + (r.flips === 1 ? ' effect flips' : ' effects flip') }),
      ', ' + changed + ' of ' + r.changes.length + ' change \u00b7 ' + r.findings + ' findings from ' + r.studies_in
        + ' studies \u00b7 computed in ' + r.timing.compute_ms + ' ms, drawn in ' + r.timing.figures_ms + ' ms'));
    const hyp = h => h ? [el('span', { class: 'code', text: '{' + h.code + '}' }), ' ', el('span', { class: 'muted small', text: h.label })]
      : [el('span', { class: 'muted', text: 'no result' })];
    const rows = r.changes.map(c => el('tr', { class: 'kind-' + c.kind, 'data-effect': c.effect },
      el('td', { text: c.label }),
      el('td', { class: 'hyp' }, ...hyp(c.before)), el('td', { class: 'num', text: c.before ? num(c.before.belief) : '' }),
      el('td', { class: 'hyp' }, ...hyp(c.after)), el('td', { class: 'num bel', text: c.after ? num(c.after.belief) : '' }),
      el('td', { class: 'num', text: c.before && c.after ? (c.delta >= 0 ? '+' : '') + num(c.delta) : '' }),
      el('td', { class: 'num', text: c.findingsBefore + ' \u2192 ' + c.findingsAfter }),
      el('td', {}, el('span', { class: 'badge kind-' + c.kind, text: KIND_LABEL[c.kind] }),
        c.note ? el('div', { class: 'muted small', text: c.note }) : null)));
    results.append(el('h2', { text: 'What flips' }));
    results.append(el('table', { class: 'flips' }, el('thead', {}, el('tr', {},
      ...['Effect', 'Saved', 'Bel', 'What if', 'Bel', '\u0394 Bel', 'Findings', ''].map(h => el('th', { text: h })))),
      el('tbody', {}, ...rows)));
    results.append(el('h2', { text: 'Theory' }));
    results.append(el('figure', { class: 'figure' }, svg(r.figures.theory)));
    results.append(el('h2', { text: 'Forest plots' }));
    for (const f of r.figures.forests) {
      results.append(el('figure', { class: 'figure forest', 'data-effect': f.effect }, svg(f.svg)));
    }
  }

  await update();
});
