// The evidence-model editor: intervention's effects with an intensity (the 13 options) and mass, or
// the statistics a study reports (summary, two groups, an effect size, a measurement file); moderators;
// explanation. Errors come back located and are shown next to the field.
import { registerView, el, navigate, banner } from './app.js';
import { get } from './api.js';
import { save } from './conflict.js';
import { field, input, select, showError, clearErrors } from './forms.js';

const KINDS = [['intensity', 'Intensity and mass (direct)'], ['summary', 'Summary statistics of RI'],
  ['groups', 'Two groups'], ['effect_size', 'Effect size (g or d)'], ['measurements', 'Measurement file']];
const NUM = { type: 'number', step: 'any' };

registerView('model', 'Evidence model', async (root, [studyId, modelId]) => {
  const s = await get('/api/studies/' + encodeURIComponent(studyId));
  const isNew = modelId === 'new';
  const index = isNew ? s.study.evidence.length : s.study.evidence.findIndex(m => m.id === modelId);
  if (index < 0) throw new Error('study ' + studyId + ' has no evidence model ' + modelId);
  const model = isNew ? { id: 'e' + (s.study.evidence.length + 1), effects: {} } : structuredClone(s.study.evidence[index]);
  root.append(el('p', {}, el('a', { href: '#study/' + encodeURIComponent(studyId), text: '\u2190 Study ' + studyId })));
  root.append(el('h1', { text: (isNew ? 'New evidence model of ' : 'Evidence model ') + studyId + (isNew ? '' : '/' + model.id) }));
  root.append(el('p', { class: 'muted', text: 'Intervention: the synthesis\u2019 intervention; each effect below is one finding of this model.' }));
  const form = el('form', { class: 'model-editor' });
  const id = input(model.id, { disabled: !isNew });
  const label = input(model.label);
  const explanation = el('textarea', {});
  explanation.value = model.explanation || '';
  form.append(field('Id', 'id', id), field('Label (the configuration)', 'label', label),
    field('Explanation', 'explanation', explanation));

  form.append(el('h2', { text: 'Moderators' }));
  const mods = el('div', { class: 'moderators', 'data-field': 'moderators' });
  const addMod = (k = '', v = '') => {
    const row = el('div', { class: 'row' }, input(k, { placeholder: 'name', class: 'mod-key', 'aria-label': 'moderator name' }),
      input(v, { placeholder: 'value', class: 'mod-value', 'aria-label': 'moderator value' }),
      el('button', { type: 'button', text: 'Remove', onclick: () => row.remove() }));
    mods.append(row);
  };
  for (const [k, v] of Object.entries(model.moderators || {})) addMod(k, v);
  form.append(mods, el('button', { type: 'button', text: 'Add moderator', onclick: () => addMod() }));

  form.append(el('h2', { text: 'Effects' }));
  const effects = el('div', { class: 'effects' });
  const rows = [];
  const addEffect = (effect, entry) => {
    const r = effectRow(s, effect, entry || {}, () => { rows.splice(rows.indexOf(r), 1); r.node.remove(); });
    rows.push(r);
    effects.append(r.node);
  };
  for (const [k, v] of Object.entries(model.effects || {})) addEffect(k, v);
  form.append(effects, el('button', { type: 'button', text: 'Add effect', onclick: () => addEffect(s.effects[0].id, { intensity: 'indifferent', mass: 0.5 }) }));
  form.append(el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit', id: 'save-model', text: isNew ? 'Add evidence model' : 'Save evidence model' })));

  let version = s.version;
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const m = structuredClone(model);
    m.id = id.value.trim();
    if (label.value) m.label = label.value; else delete m.label;
    if (explanation.value.trim()) m.explanation = explanation.value; else delete m.explanation;
    const moderators = {};
    for (const row of mods.querySelectorAll('.row')) {
      const k = row.querySelector('.mod-key').value.trim();
      const v = row.querySelector('.mod-value').value.trim();
      if (k) moderators[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    }
    if (Object.keys(moderators).length) m.moderators = moderators; else delete m.moderators;
    m.effects = {};
    for (const r of rows) {
      const [k, v] = r.value();
      m.effects[k] = v;
    }
    const base = '/api/studies/' + encodeURIComponent(studyId) + '/evidence';
    try {
      const a = isNew ? await save('POST', base, { version, model: m })
        : await save('PUT', base + '/' + encodeURIComponent(model.id), { version, model: m });
      if (a === null) { window.dispatchEvent(new HashChangeEvent('hashchange')); return; }
      version = a.study.version;
      if (isNew) navigate('model', studyId, m.id);
      else { banner('Saved ' + studyId + '/' + m.id + '.', 'info'); }
    } catch (e) {
      showError(form, e, 'evidence[' + index + '].');
    }
  });
  root.append(form);
}, { hidden: true });

/** One effect of the model: which effect, and its input in one of the five kinds. */
function effectRow(s, effect, entry, remove) {
  const kind = entry.summary ? 'summary' : entry.groups ? 'groups' : entry.effect_size ? 'effect_size'
    : entry.measurements ? 'measurements' : 'intensity';
  const which = select(s.effects.map(e => [e.id, e.label]), effect, { class: 'effect-id', 'aria-label': 'effect' });
  const kinds = select(KINDS, kind, { class: 'effect-kind', 'aria-label': 'input' });
  const inputs = el('div', { class: 'inputs' });
  const node = el('fieldset', { class: 'effect', 'data-field': 'effects.' + effect },
    el('legend', {}, which, ' ', kinds, ' ', el('button', { type: 'button', text: 'Remove', onclick: remove })), inputs);
  let read = () => ({});
  const draw = () => {
    const k = kinds.value;
    const f = 'effects.' + which.value;
    node.dataset.field = f;
    inputs.replaceChildren();
    if (k === 'intensity') {
      const i = select(s.intensities, entry.intensity || 'indifferent', { class: 'intensity' });
      const m = input(entry.mass, { ...NUM, class: 'mass', min: 0, max: 1 });
      inputs.append(field('Intensity', f + '.intensity', i), field('Mass', f + '.mass', m));
      read = () => ({ intensity: i.value, mass: Number(m.value) });
    } else if (k === 'summary') {
      const v = entry.summary || {};
      const ins = Object.fromEntries(['mean', 'iqr', 'std', 'q1', 'q3', 'n'].map(x => [x, input(v[x], NUM)]));
      for (const [x, i] of Object.entries(ins)) inputs.append(field(x === 'mean' ? 'mean RI (%)' : x, f + '.summary.' + x, i));
      read = () => ({ summary: numbers(ins) });
    } else if (k === 'groups') {
      const g = entry.groups || {};
      const side = (name) => Object.fromEntries(['n', 'mean', 'sd', 'median', 'q1', 'q3'].map(x => [x, input((g[name] || {})[x], NUM)]));
      const b = side('baseline');
      const t = side('treated');
      const measure = select([['ri', 'RI of the two means'], ['g', "Hedges' g"]], g.measure || 'ri');
      for (const [name, ins] of [['baseline', b], ['treated', t]]) {
        inputs.append(el('h4', { text: name }));
        for (const [x, i] of Object.entries(ins)) inputs.append(field(x, f + '.groups.' + name + '.' + x, i));
      }
      inputs.append(field('Measure', f + '.groups.measure', measure));
      read = () => ({ groups: { baseline: numbers(b), treated: numbers(t), ...(g.measure || measure.value !== 'ri' ? { measure: measure.value } : {}) } });
    } else if (k === 'effect_size') {
      const v = entry.effect_size || {};
      const ins = Object.fromEntries(['g', 'd', 'n_baseline', 'n_treated', 'se'].map(x => [x, input(v[x], NUM)]));
      for (const [x, i] of Object.entries(ins)) inputs.append(field(x, f + '.effect_size.' + x, i));
      read = () => ({ effect_size: numbers(ins) });
    } else {
      const v = typeof entry.measurements === 'string' ? entry.measurements : (entry.measurements || {}).file;
      const file = input(v, { placeholder: 'data/runs.csv' });
      inputs.append(field('Measurement file (in the project folder)', f + '.measurements', file));
      read = () => ({ measurements: typeof entry.measurements === 'object' && entry.measurements
        ? { ...entry.measurements, file: file.value } : file.value });
    }
  };
  kinds.addEventListener('change', draw);
  which.addEventListener('change', draw);
  draw();
  return {
    node,
    value: () => {
      const out = read();
      // what the form does not show is kept as it was: published values, source references
      for (const keep of ['published', 'source']) if (entry[keep] !== undefined) out[keep] = entry[keep];
      return [which.value, out];
    }
  };
}

function numbers(ins) {
  const out = {};
  for (const [k, i] of Object.entries(ins)) {
    if (i.value.trim() !== '') out[k] = Number(i.value);
  }
  return out;
}
