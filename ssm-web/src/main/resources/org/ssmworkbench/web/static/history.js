// The header's undo button and downloads.
import { el, status, banner } from './app.js';
import { get, send } from './api.js';

async function refresh() {
  const h = await get('/api/history');
  const b = document.getElementById('undo');
  b.disabled = !h.canUndo;
  b.title = h.next ? 'Undo: ' + h.next : 'Nothing to undo';
}

async function undo() {
  status('saving', 'Undoing\u2026');
  try {
    const a = await send('POST', '/api/undo');
    status('saved', 'Undone: ' + a.undone);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } catch (e) {
    status('error');
    banner(e.message);
  }
  refresh();
}

document.addEventListener('DOMContentLoaded', () => {
  const bar = el('span', { class: 'tools' },
    el('button', { id: 'undo', type: 'button', onclick: undo, text: 'Undo', disabled: true }),
    el('a', { href: '/api/download/report.zip', download: '', text: 'Report (zip)' }),
    el('a', { href: '/api/download/results.json', download: '', text: 'results.json' }));
  document.querySelector('header.top').append(bar);
  refresh();
  window.addEventListener('ssm:saved', refresh);
  window.addEventListener('hashchange', refresh);
});
