// Studies: the list, and one study (citation, type, checklist with the belief as answers change, its
// evidence models as diagrams, its context under the four archetypes).
import { registerView, el, svg, num, navigate, banner } from './app.js';
import { get, send } from './api.js';
import { save } from './conflict.js';
import { field, input, select, showError, clearErrors } from './forms.js';

registerView('studies', 'Studies', async (root) => {
  const list = await get('/api/studies');
  root.append(el('h1', { text: 'Studies' }));
  const rows = list.studies.map(s => el('tr', { 'data-study': s.id },
    el('td', {}, el('a', { href: '#study/' + encodeURIComponent(s.id), text: s.id })),
    el('td', { text: (s.authors ? s.authors + ': ' : '') + (s.title || '') }),
    el('td', { class: 'num', text: s.year || '' }),
    el('td', { text: s.type }),
    el('td', { class: 'num', text: num(s.belief) + (s.explicit ? ' (given)' : '') }),
    el('td', { class: 'num', text: s.models }),
    el('td', { class: 'num', text: s.findings })));
  root.append(el('table', { class: 'studies' },
    el('thead', {}, el('tr', {}, ...['Study', 'Citation', 'Year', 'Type', 'Study belief B', 'Evidence models', 'Findings'].map(h => el('th', { text: h })))),
    el('tbody', {}, ...rows)));
  root.append(addStudyForm(list));
});

function addStudyForm(list) {
  const id = input('', { placeholder: 'S7' });
  const title = input('');
  const year = input('', { type: 'number' });
  const type = input('controlled experiment');
  const form = el('form', { class: 'add-study' },
    el('h2', { text: 'Add a study' }),
    field('Id (names the file studies/ID.yaml)', 'id', id),
    field('Title', 'citation.title', title),
    field('Year', 'citation.year', year),
    field('Study type (a quality band)', 'type', type),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit', text: 'Add study' })));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const study = { id: id.value.trim(), citation: { title: title.value }, type: type.value, evidence: [] };
    if (year.value) study.citation.year = Number(year.value);
    try {
      await save('POST', '/api/studies', { listVersion: list.listVersion, study });
      navigate('study', study.id);
    } catch (e) {
      showError(form, e);
    }
  });
  return form;
}

registerView('study', 'Study', async (root, [id]) => {
  const s = await get('/api/studies/' + encodeURIComponent(id));
  // one state for every form of the page: each save's answer gives the file's new version and tree
  const state = { version: s.version, study: s.study };
  const saved = r => { if (r) { state.version = r.study.version; state.study = r.study.study; } };
  root.append(el('p', {}, el('a', { href: '#studies', text: '\u2190 All studies' })));
  const c = s.study.citation || {};
  root.append(el('h1', { text: s.id + ': ' + (c.title || '(no title)') }));
  root.append(beliefBox(s.result));
  root.append(el('div', { class: 'study-grid' },
    el('div', {}, s.checklist ? checklistForm(s, state, saved)
      : el('p', { class: 'muted', text: 'The project has no quality checklist.' })),
    el('div', {}, citationForm(s, state, saved), contextBox(s, state, saved))));
  root.append(el('h2', { text: 'Evidence models' }));
  for (const m of s.models) {
    root.append(el('section', { class: 'model', 'data-model': m.id },
      el('h3', { text: m.id + (m.label ? ' \u2014 ' + m.label : '') }),
      m.figure ? el('figure', { class: 'figure' }, svg(m.figure)) : el('p', { class: 'muted', text: 'no findings' }),
      el('div', { class: 'actions' },
        el('a', { href: '#model/' + encodeURIComponent(s.id) + '/' + encodeURIComponent(m.id), class: 'button', text: 'Edit ' + m.id }),
        el('button', { class: 'danger', type: 'button', text: 'Delete ' + m.id, onclick: async () => {
          if (!confirm('Delete evidence model ' + m.id + ' of ' + s.id + '?')) return;
          try {
            await save('DELETE', '/api/studies/' + encodeURIComponent(s.id) + '/evidence/' + encodeURIComponent(m.id) + '?version=' + encodeURIComponent(state.version));
            navigate('study', s.id);
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          } catch (e) { banner(e.message); }
        } }))));
  }
  root.append(el('div', { class: 'actions' },
    el('a', { href: '#model/' + encodeURIComponent(s.id) + '/new', class: 'button', text: 'Add evidence model' }),
    el('button', { class: 'danger', type: 'button', text: 'Delete study ' + s.id, onclick: async () => {
      if (!confirm('Delete study ' + s.id + '? (Undo puts it back.)')) return;
      const list = await get('/api/studies');
      try {
        await save('DELETE', '/api/studies/' + encodeURIComponent(s.id) + '?version=' + encodeURIComponent(state.version) + '&listVersion=' + encodeURIComponent(list.listVersion));
        navigate('studies');
      } catch (e) { banner(e.message); }
    } })));
}, { hidden: true });

function beliefBox(r) {
  const box = el('p', { class: 'belief', id: 'study-belief' });
  showBelief(box, r);
  return box;
}

function showBelief(box, r) {
  if (!r) { box.textContent = ''; return; }
  const parts = ['Study belief B = ' + num(r.belief) + (r.explicit ? ' (given in the file)' : ' (band \u00d7 checklist)')];
  if (r.computed !== null) parts.push('band \u00d7 checklist: ' + num(r.computed));
  if (r.quality !== null) parts.push('quality score q = ' + num(r.quality));
  box.textContent = parts.join(' \u00b7 ');
  box.dataset.computed = r.computed === null ? '' : String(r.computed);
}

function citationForm(s, state, saved) {
  const c = s.study.citation || {};
  const title = input(c.title);
  const authors = input((c.authors || []).join('; '));
  const venue = input(c.venue);
  const year = input(c.year, { type: 'number' });
  const type = select(s.types, s.study.type);
  const belief = input(s.study.belief, { type: 'number', step: 'any', min: 0, max: 1 });
  const form = el('form', { class: 'citation' },
    el('h2', { text: 'Citation and type' }),
    field('Title', 'citation.title', title),
    field('Authors (separated by ;)', 'citation.authors', authors),
    field('Venue', 'citation.venue', venue),
    field('Year', 'citation.year', year),
    field('Study type (its quality band)', 'type', type),
    field('Explicit study belief B (empty: band \u00d7 checklist)', 'belief', belief),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit', text: 'Save citation' })));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const study = structuredClone(state.study);
    study.citation = { ...(study.citation || {}), title: title.value };
    const a = authors.value.split(';').map(x => x.trim()).filter(x => x);
    if (a.length) study.citation.authors = a; else delete study.citation.authors;
    if (venue.value) study.citation.venue = venue.value; else delete study.citation.venue;
    if (year.value) study.citation.year = Number(year.value); else delete study.citation.year;
    study.type = type.value;
    if (belief.value === '') delete study.belief; else study.belief = Number(belief.value);
    try {
      const r = await save('PUT', '/api/studies/' + encodeURIComponent(s.id), { version: state.version, study });
      saved(r);
      if (r) showBelief(document.getElementById('study-belief'), r.study.result);
      else window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) { showError(form, e); }
  });
  return form;
}

function checklistForm(s, state, saved) {
  const answers = {};
  for (const [k, v] of Object.entries(s.study.quality || {})) {
    answers[k] = v === true ? 'yes' : v === false ? 'no' : String(v);
  }
  const form = el('form', { class: 'checklist' }, el('h2', { text: 'Quality checklist' }));
  const preview = el('p', { class: 'muted', id: 'checklist-preview', text: 'Answer each item; the study belief follows.' });
  let timer = null;
  const changed = async () => {
    clearErrors(form);
    try {
      const r = await save_preview(s.id, answers);
      showBelief(document.getElementById('study-belief'), r);
      preview.textContent = 'Recomputed from these answers; saving\u2026';
    } catch (e) { showError(form, e, ''); return; }
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const r = await save('PUT', '/api/studies/' + encodeURIComponent(s.id) + '/quality', { version: state.version, answers });
        saved(r);
        if (r) preview.textContent = 'Saved.';
        else window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (e) { showError(form, e, ''); }
    }, 600);
  };
  for (const q of s.checklist) {
    const fs = el('fieldset', { class: 'question' }, el('legend', { text: q.id + ' ' + q.text }));
    for (const item of q.items) {
      const name = 'q-' + item.id;
      const row = el('div', { class: 'item', 'data-field': 'quality.' + item.id },
        el('span', { class: 'item-text', text: item.id + ' ' + item.text }));
      for (const v of ['yes', 'no', 'n.a.']) {
        const r = el('input', { type: 'radio', name, value: v, id: name + '-' + v });
        r.checked = answers[item.id] === v;
        r.addEventListener('change', () => { answers[item.id] = v; changed(); });
        r.setAttribute('aria-label', item.id + ' ' + v);
        row.append(el('label', { class: 'radio', for: r.id }, r, ' ' + v));
      }
      fs.append(row);
    }
    form.append(fs);
  }
  form.append(preview);
  return form;
}

async function save_preview(id, answers) {
  return send('POST', '/api/studies/' + encodeURIComponent(id) + '/quality/preview', { answers });
}

function contextBox(s, state, saved) {
  const box = el('form', { class: 'context' }, el('h2', { text: 'Context' }));
  const groups = Object.entries(s.context || {});
  if (!groups.length) box.append(el('p', { class: 'muted', text: 'No context given.' }));
  const tree = s.study.context || {};
  const editable = v => typeof v !== 'object' || v === null || (Array.isArray(v) && v.every(x => typeof x !== 'object'));
  const inputs = {};
  for (const [archetype, aspects] of groups) {
    box.append(el('h3', { text: archetype }));
    const dl = el('dl', { class: 'aspects' });
    for (const a of aspects) {
      const v = tree[a.key];
      if (v !== undefined && editable(v)) {
        const i = input(Array.isArray(v) ? v.join(', ') : v, { 'aria-label': a.key });
        i.dataset.field = 'context.' + a.key;
        inputs[a.key] = { input: i, list: Array.isArray(v) };
        dl.append(el('dt', { text: a.key }), el('dd', {}, i));
      } else {
        dl.append(el('dt', { text: a.key }), el('dd', { text: a.values.join(', '), title: 'nested: edit it in ' + s.file }));
      }
    }
    box.append(dl);
  }
  const key = input('', { placeholder: 'new aspect, e.g. participants', 'aria-label': 'new aspect name' });
  const value = input('', { placeholder: 'values, separated by commas', 'aria-label': 'new aspect values' });
  box.append(el('p', { class: 'muted', text: 'An aspect goes under its archetype by its name (models, datasets, hardware: system; tasks, measurement: activity; participants, developers: actor; techniques, tools: technology).' }),
    el('div', { class: 'row' }, key, value),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit', text: 'Save context' })));
  box.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(box);
    const study = structuredClone(state.study);
    const ctx = { ...(study.context || {}) };
    const split = t => t.split(',').map(x => x.trim()).filter(x => x);
    for (const [k, { input: i, list }] of Object.entries(inputs)) {
      if (i.value.trim() === '') delete ctx[k];
      else ctx[k] = list ? split(i.value) : i.value.trim();
    }
    if (key.value.trim()) {
      const vs = split(value.value);
      ctx[key.value.trim()] = vs.length === 1 ? vs[0] : vs;
    }
    if (Object.keys(ctx).length) study.context = ctx; else delete study.context;
    try {
      saved(await save('PUT', '/api/studies/' + encodeURIComponent(s.id), { version: state.version, study }));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) { showError(box, e); }
  });
  return box;
}
