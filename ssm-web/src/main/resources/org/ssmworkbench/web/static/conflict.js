// Saving with versions: a change names the version it was made on; on a conflict (409 with both
// versions) the dialog shows theirs and yours, and the user keeps theirs or puts theirs aside for mine.
import { el, status } from './app.js';
import { send, ApiError } from './api.js';

/** A text as lines, those the other text lacks marked. */
function lines(id, text, other) {
  const there = new Set((other || '').split('\n'));
  const pre = el('pre', { class: 'version', id });
  for (const line of (text || '(no file)').split('\n')) {
    pre.append(el('span', { class: there.has(line) ? null : 'diff', text: line }));
  }
  return pre;
}

/** Shows the dialog; resolves to 'mine' or 'theirs'. */
export function conflictDialog(body) {
  return new Promise(resolve => {
    const dlg = el('dialog', { id: 'conflict', 'aria-labelledby': 'conflict-title' },
      el('h2', { id: 'conflict-title', text: 'This file changed while you were editing' }),
      el('p', { text: body.error }),
      el('div', { class: 'columns' },
        el('div', {}, el('h3', { text: 'Theirs (on disk now)' }),
          lines('conflict-theirs', body.theirs && body.theirs.text, body.yours && body.yours.text)),
        el('div', {}, el('h3', { text: 'Yours on theirs (what \u201cKeep mine\u201d saves)' }),
          lines('conflict-yours', body.yours && body.yours.text, body.theirs && body.theirs.text))),
      el('div', { class: 'actions' },
        el('button', { class: 'primary', id: 'keep-mine', onclick: () => close('mine') , text: 'Keep mine' }),
        el('button', { id: 'take-theirs', onclick: () => close('theirs'), text: 'Take theirs' })));
    function close(choice) {
      dlg.close();
      dlg.remove();
      resolve(choice);
    }
    document.body.append(dlg);
    dlg.showModal();
    for (const pre of dlg.querySelectorAll('pre.version')) {
      const first = pre.querySelector('.diff');
      if (first) pre.scrollTop = Math.max(0, first.offsetTop - pre.offsetTop - 40);
    }
  });
}

/**
 * Sends a versioned change. On a stale version the dialog decides: 'mine' sends the same change again
 * on their version (body.version replaced), 'theirs' gives up the change. Resolves to the answer, or
 * null when the user took theirs. Other refusals are thrown (ApiError with file, line, field).
 */
export async function save(method, path, body) {
  status('saving');
  try {
    const answer = await send(method, path, body);
    status('saved');
    window.dispatchEvent(new Event('ssm:saved'));
    return answer;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.body.theirs) {
      status('error', 'Conflict');
      const choice = await conflictDialog(e.body);
      if (choice === 'mine') {
        return save(method, path, { ...body, version: e.body.theirs.version });
      }
      status('', 'Took theirs');
      return null;
    }
    status('error');
    throw e;
  }
}
