// Comparing and combining: two concept trees side by side (an evidence model against another, or
// against the aggregate), each concept matched / differs / not yet decided, resolved by a join, keep or
// drop decision with a reason that goes into synthesis.yaml's concepts:, and the findings each decision
// brings together. All text from the project is set as textContent (el() never parses HTML).
import { registerView, el, num, banner, status, navigate } from './app.js';
import { get, send, ApiError } from './api.js';

const STATE_LABEL = { matched: 'matched', differs: 'differs', undecided: 'not yet decided' };
const BASIS_LABEL = {
  'same-name': 'same concept', joined: 'joined by a decision', decision: 'decided',
  'declared-effect': 'a declared effect of the synthesis', none: 'no decision yet',
};
const LEVEL_LABEL = { intervention: 'Intervention', effect: 'Effects', context: 'Context', moderator: 'Moderators' };

registerView('compare', 'Compare', async (root, args) => {
  const models = (await get('/api/compare/models')).models;
  const first = models.find(m => m.id !== 'aggregate');
  const left = args[0] || (first ? first.id : 'aggregate');
  const right = args[1] || 'aggregate';
  root.append(el('h1', { text: 'Compare and combine' }));
  root.append(el('p', { class: 'muted', text: 'Pick two evidence models, or one and the aggregated theory. '
    + 'Each concept is matched (both have it), differs (one has it and a decision or the list of effects says '
    + 'what becomes of it) or not yet decided. Resolve a difference by join, keep or drop with a reason: '
    + 'the decision is written to synthesis.yaml (concepts:), keeping its comments.' }));
  const pick = (id, value) => el('select', { id, 'aria-label': id === 'left' ? 'Left side' : 'Right side',
    onchange: () => navigate('compare', document.getElementById('left').value, document.getElementById('right').value) },
    ...models.map(m => el('option', { value: m.id, selected: m.id === value, text: m.label })));
  root.append(el('div', { class: 'compare-pick' },
    el('div', {}, el('label', { for: 'left', text: 'Left' }), pick('left', left)),
    el('div', {}, el('label', { for: 'right', text: 'Right' }), pick('right', right))));
  const body = el('div', { id: 'comparison' });
  root.append(body);
  await show(body, left, right);
});

async function show(body, left, right) {
  const c = await get('/api/compare?left=' + encodeURIComponent(left) + '&right=' + encodeURIComponent(right));
  body.replaceChildren();
  body.append(el('p', { class: 'counts' },
    ...['matched', 'differs', 'undecided'].map(s =>
      el('span', { class: 'badge state-' + s, 'data-count': s, text: c.counts[s] + ' ' + STATE_LABEL[s] }))));

  const table = el('table', { class: 'compare' },
    el('thead', {}, el('tr', {},
      el('th', { text: c.left.title }), el('th', { class: 'state-col', text: '' }), el('th', { text: c.right.title }))));
  const tbody = el('tbody');
  let group = null;
  for (const r of c.rows) {
    const g = r.level + ':' + (r.archetype || '');
    if (g !== group) {
      group = g;
      tbody.append(el('tr', { class: 'group' }, el('th', { colspan: 3,
        text: LEVEL_LABEL[r.level] + (r.archetype ? ' \u00b7 ' + r.archetype : '') })));
    }
    const tr = el('tr', { class: 'row state-' + r.state, 'data-slot': r.slot, 'data-level': r.level, 'data-state': r.state },
      el('td', {}, node(r.left, r.level)),
      el('td', { class: 'state-col' }, el('span', { class: 'badge state-' + r.state, text: STATE_LABEL[r.state] }),
        el('div', { class: 'muted small', text: BASIS_LABEL[r.basis] + (r.decision !== null ? ' (decision ' + (r.decision + 1) + ')' : '') }),
        r.resolvable ? el('button', { class: 'resolve', 'data-slot': r.slot, text: 'Resolve\u2026',
          onclick: (ev) => openForm(ev.target.closest('tr'), r, c, left, right, body) }) : null),
      el('td', {}, node(r.right, r.level)));
    tbody.append(tr);
  }
  table.append(tbody);
  body.append(table);

  body.append(el('h2', { text: 'Concept decisions and the findings each brings together' }));
  if (c.decisions.length === 0) body.append(el('p', { class: 'muted', text: 'No decisions recorded yet.' }));
  const list = el('ol', { class: 'decisions' });
  for (const d of c.decisions) list.append(decisionItem(d));
  body.append(list);
}

function node(n, level) {
  if (!n) return el('span', { class: 'absent', text: '\u2014 not in this tree' });
  const parts = [el('span', { class: 'concept', text: n.concept })];
  if (n.slot !== n.concept && level === 'effect') parts.push(el('span', { class: 'muted', text: ' \u2192 ' + n.slot }));
  if (n.dropped) parts.push(el('span', { class: 'tag', text: 'dropped' }));
  if (n.code) {
    parts.push(el('div', { class: 'value' }, el('span', { class: 'hyp', text: n.intensity }),
      el('span', { class: 'muted', text: ' {' + n.code + '} \u00b7 ' + (n.findings > 1 ? 'Bel ' : 'mass ') + num(n.weight)
        + (n.findings > 1 ? ' \u00b7 ' + n.findings + ' findings' : '') })));
  } else if (n.values && n.values.length) {
    const shown = n.values.slice(0, 6).join('; ') + (n.values.length > 6 ? '; \u2026 (' + n.values.length + ')' : '');
    parts.push(el('div', { class: 'value muted', title: n.values.join('; '), text: shown }));
  }
  return el('div', {}, ...parts);
}

function decisionItem(d) {
  const head = el('span', {}, el('strong', { text: d.decision }), ' ',
    el('code', { text: '[' + d.concepts.join(', ') + ']' }), d.into ? ' into ' : '', d.into ? el('code', { text: d.into }) : '',
    el('span', { class: 'muted', text: ' \u2014 ' + d.reason }));
  const rows = d.findings.map(f => el('tr', {},
    el('td', { text: f.study + '/' + f.evidence }), el('td', { text: f.label }), el('td', { text: f.concept }),
    el('td', { text: f.code === null ? 'left out' : '{' + f.code + '}' }), el('td', { class: 'num', text: f.mass === null ? '' : num(f.mass) })));
  const what = d.decision === 'drop' ? ' left out' : d.effect ? ' combined under ' + d.effect : ' kept as they are';
  return el('li', { 'data-decision': d.index === null ? 'proposed' : d.index },
    head,
    el('details', {}, el('summary', { text: d.findings.length + ' findings from ' + d.studies + ' studies' + what }),
      el('table', { class: 'brought' }, el('thead', {}, el('tr', {}, ...['Evidence', 'Configuration', 'Concept', 'Intensity', 'Mass']
        .map(h => el('th', { text: h })))), el('tbody', {}, ...rows))));
}

function openForm(tr, r, c, left, right, body) {
  const open = tr.nextElementSibling;
  if (open && open.classList.contains('resolve-form')) { open.remove(); return; }
  const concepts = [...new Set([r.left, r.right].filter(n => n).map(n => n.concept))];
  const effectLevel = r.level === 'effect';
  const kind = el('select', { name: 'decision', 'aria-label': 'Decision' },
    ...(effectLevel ? ['keep', 'join', 'drop'] : ['keep', 'drop']).map(k => el('option', { value: k, text: k })));
  const into = el('select', { name: 'into', 'aria-label': 'Into effect' },
    ...c.effects.map(e => el('option', { value: e.id, selected: e.id === r.slot, text: e.label + ' (' + e.id + ')' })));
  const intoRow = el('div', { class: 'into', hidden: true }, el('label', { text: 'Into effect' }), into, errorSlot('into'));
  kind.addEventListener('change', () => { intoRow.hidden = kind.value !== 'join'; });
  const conceptsInput = el('input', { type: 'text', name: 'concepts', value: concepts.join(', '), 'aria-label': 'Concepts' });
  const reason = el('textarea', { name: 'reason', 'aria-label': 'Reason', placeholder: 'Why: what makes these the same, or why it stays apart or is left out' });
  const preview = el('div', { class: 'preview' });
  const form = el('td', { colspan: 3 },
    el('div', { class: 'form-grid' },
      el('div', {}, el('label', { text: 'Decision' }), kind, errorSlot('decision')),
      el('div', {}, el('label', { text: 'Concepts' }), conceptsInput, errorSlot('concepts')),
      intoRow),
    el('label', { text: 'Reason' }), reason, errorSlot('reason'),
    el('div', { class: 'actions' },
      el('button', { type: 'button', text: 'Show the findings it brings together', onclick: () => act(false) }),
      el('button', { type: 'button', class: 'primary record', text: 'Record decision', onclick: () => act(true) })),
    preview);
  const row = el('tr', { class: 'resolve-form' }, form);
  tr.after(row);
  reason.focus();

  async function act(record) {
    for (const e of row.querySelectorAll('.field-error')) e.textContent = '';
    for (const e of row.querySelectorAll('.invalid')) e.classList.remove('invalid');
    const decision = { decision: kind.value, concepts: conceptsInput.value.split(',').map(s => s.trim()).filter(s => s),
      reason: reason.value };
    if (kind.value === 'join') decision.into = into.value;
    try {
      if (!record) {
        const d = await send('POST', '/api/compare/preview', decision);
        preview.replaceChildren(el('p', { class: 'muted', text: 'If recorded:' }), el('ol', { class: 'decisions' }, decisionItem(d)));
        preview.querySelector('details').open = true;
        return;
      }
      status('saving');
      decision.version = c.version;
      const saved = await send('POST', '/api/compare/decisions', decision);
      status('saved');
      await show(body, left, right);
      banner('Decision ' + (saved.index + 1) + ' recorded in synthesis.yaml (concepts:).', 'info');
    } catch (e) {
      // a refused decision (400, 422) saved nothing and needs no indicator; a conflict or failure does
      if (record) status(e instanceof ApiError && (e.status === 400 || e.status === 422) ? '' : 'error');
      if (!(e instanceof ApiError)) throw e;
      const slot = e.body.field && row.querySelector('[data-error="' + e.body.field + '"]');
      if (slot) {
        slot.textContent = e.message;
        const input = row.querySelector('[name="' + e.body.field + '"]');
        if (input) input.classList.add('invalid');
      } else {
        banner(e.message + (e.status === 409 ? ' (reload the page to see the current file)' : ''));
      }
    }
  }
}

function errorSlot(field) {
  return el('p', { class: 'field-error', 'data-error': field, role: 'alert' });
}
