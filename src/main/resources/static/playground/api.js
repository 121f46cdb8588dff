// Calls to the optlab API. Errors come back as RFC 9457 problems; they are thrown as ApiError so
// that the page can put each errors[].message next to the field it names.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function failure(response) {
  let problem;
  try {
    problem = await response.json();
  } catch {
    problem = { title: response.statusText || 'Request failed', detail: `The server answered HTTP ${response.status}.` };
  }
  return new ApiError(problem, response.status);
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** POSTs JSON; answers parsed JSON, or a Blob when another media type is accepted. */
export async function post(path, body, accept = 'application/json') {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError({ title: 'The service could not be reached', detail: String(e) }, 0);
  }
  if (!response.ok) throw await failure(response);
  return accept === 'application/json' ? response.json() : response.blob();
}

export async function postText(path, body, accept) {
  const blob = await post(path, body, accept);
  return blob.text();
}

/** Saves a Blob under a file name, as the browser's download. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The request as a shell command a person can paste. */
export function curl(path, body) {
  const json = JSON.stringify(body, null, 2).replaceAll("'", "'\\''");
  return `curl -s ${location.origin}${path} -H 'Content-Type: application/json' -d '${json}'`;
}
