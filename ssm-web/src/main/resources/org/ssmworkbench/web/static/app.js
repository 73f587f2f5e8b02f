// The shell of the workbench: a registry of views, the navigation built from it, and the hash router
// (#overview, #studies/S1, ...). A feature registers its view from its own file:
//   registerView('overview', 'Overview', (root, args) => { ... });
// render(root, args) fills the emptied <main>; args are the parts of the hash after the name.
const views = new Map();

/** Adds a view to the navigation. */
export function registerView(name, label, render, options = {}) {
  views.set(name, { name, label, render, hidden: !!options.hidden });
  if (document.readyState !== 'loading') {
    buildNav();
  }
}

/** Creates an element with text content (never HTML) and attributes. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** An SVG drawn by the server (the report's figures, which escape their texts) as a DOM node. */
export function svg(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  if (doc.querySelector('parsererror')) {
    return el('p', { class: 'error', text: 'the figure could not be drawn' });
  }
  return document.importNode(doc.documentElement, true);
}

/** A number as the workbench shows it (3 decimals, no floating noise). */
export function num(x, digits = 3) {
  return x === null || x === undefined ? '\u2014' : Number(x).toFixed(digits);
}

/** Shows a message in the banner (kind: 'error' or 'info'); null hides it. */
export function banner(message, kind = 'error') {
  const b = document.getElementById('banner');
  b.hidden = !message;
  b.className = 'banner ' + kind;
  b.textContent = message || '';
}

/** The save indicator in the header: 'saving', 'saved', 'error', or '' (nothing pending). */
export function status(state, text) {
  const s = document.getElementById('status');
  s.dataset.state = state;
  s.textContent = text !== undefined ? text : ({ saving: 'Saving\u2026', saved: 'All changes saved', error: 'Not saved' }[state] || '');
}

/** Goes to a view: navigate('studies', 'S1'). */
export function navigate(...parts) {
  location.hash = '#' + parts.map(encodeURIComponent).join('/');
}

function buildNav() {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...[...views.values()].filter(v => !v.hidden).map(v =>
    el('a', { href: '#' + v.name, 'data-view': v.name, text: v.label })));
  route();
}

let current = 0;
async function route() {
  const parts = location.hash.replace(/^#/, '').split('/').filter(p => p).map(decodeURIComponent);
  const name = views.has(parts[0]) ? parts[0] : (views.keys().next().value);
  if (!name) return;
  const view = views.get(name);
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.view === name);
  }
  const root = document.getElementById('view');
  const mine = ++current;
  root.replaceChildren(el('p', { class: 'muted', text: 'Loading\u2026' }));
  root.dataset.view = name;
  try {
    const content = document.createElement('div');
    await view.render(content, parts.slice(1));
    if (mine === current) {
      root.replaceChildren(...content.childNodes);
      banner(null);
    }
  } catch (e) {
    if (mine === current) {
      root.replaceChildren(el('p', { class: 'error', text: e.message }));
    }
  }
}

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', buildNav);
