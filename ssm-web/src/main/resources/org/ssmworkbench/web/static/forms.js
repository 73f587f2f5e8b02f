// Form helpers: inputs bound to a field path, and a refusal shown next to the field it names.
import { el } from './app.js';

/** A labelled input; data-field is the field path the server names in its errors. */
export function field(label, field, input) {
  input.dataset.field = field;
  input.id = input.id || 'f-' + field.replace(/[^A-Za-z0-9]+/g, '-');
  return el('div', { class: 'field', 'data-for': field },
    el('label', { for: input.id, text: label }), input);
}

export function input(value, attrs = {}) {
  const i = el('input', { type: 'text', ...attrs });
  i.value = value === null || value === undefined ? '' : String(value);
  return i;
}

export function select(options, value, attrs = {}) {
  const s = el('select', attrs, ...options.map(o => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return el('option', { value: v, text: label });
  }));
  s.value = value === null || value === undefined ? '' : String(value);
  return s;
}

/** Removes the errors shown in a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
}

/**
 * Shows an API refusal in a form: next to the input whose data-field is the longest prefix of the
 * error's field (after `strip`, e.g. "evidence[1]."), else at the top of the form.
 */
export function showError(form, error, strip = '') {
  clearErrors(form);
  const body = error.body || {};
  let f = body.field || '';
  if (strip && f.startsWith(strip)) f = f.slice(strip.length);
  let target = null;
  let best = -1;
  for (const i of form.querySelectorAll('[data-field]')) {
    const d = i.dataset.field;
    if ((f === d || f.startsWith(d + '.') || f.startsWith(d + '[')) && d.length > best) {
      target = i;
      best = d.length;
    }
  }
  const where = body.file ? body.file + (body.line ? ', line ' + body.line : '') + (body.field ? ', ' + body.field : '') : '';
  const msg = el('p', { class: 'field-error', role: 'alert', text: error.message + (where && !error.message.startsWith(body.file || '\u0000') ? ' (' + where + ')' : '') });
  if (target) {
    target.classList.add('invalid');
    target.closest('.field, fieldset, tr, div').append(msg);
    target.focus();
  } else {
    form.prepend(msg);
  }
}
