// The workbench API as the views call it: JSON in and out, the server's token on every change.
const token = document.querySelector('meta[name="ssm-token"]').content;

/** An answer the server refused: status and its JSON body (error, file, line, field, ...). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

async function answer(res) {
  const type = res.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await res.json() : null;
  if (!res.ok) {
    throw new ApiError(res.status, body);
  }
  return body;
}

/** GET a JSON resource. */
export async function get(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' } }));
}

/** Sends a change (POST, PUT, DELETE) with a JSON body; resolves to the JSON answer. */
export async function send(method, path, body) {
  const init = { method, headers: { 'X-SSM-Token': token, Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(path, init));
}
