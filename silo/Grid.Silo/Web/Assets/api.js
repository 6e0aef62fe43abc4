// The HTTP API as the pages call it: the API key kept in this browser, problem details turned into
// errors a person can read, and the progress events read from a fetch stream (an EventSource cannot
// send the X-Api-Key header).

const KeyStorage = 'grid.apiKey';
const KeyHeader = 'X-Api-Key';

/** An answer that is not 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  get needsKey() {
    return this.status === 401;
  }
}

export function apiKey() {
  try {
    return localStorage.getItem(KeyStorage);
  } catch {
    return null;
  }
}

export function setApiKey(key) {
  localStorage.setItem(KeyStorage, key);
}

export function forgetApiKey() {
  localStorage.removeItem(KeyStorage);
}

/** fetch on this origin with the key, throwing an ApiError for anything but 2xx. */
export async function api(path, init = {}) {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set(KeyHeader, key);
  let response;
  try {
    response = await fetch(path, { ...init, headers, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Grid cannot be reached', `the silo at ${location.origin} does not answer. Is it running?`);
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

export async function apiJson(path, init) {
  return (await api(path, init)).json();
}

async function problemOf(response) {
  let title = `${response.status} ${response.statusText}`.trim();
  let detail = '';
  try {
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      const problem = await response.json();
      title = problem.title ?? title;
      detail = problem.detail ?? '';
    } else {
      detail = (await response.text()).slice(0, 300);
    }
  } catch {
    // the body was not what it said: the status line is all there is
  }
  return new ApiError(response.status, title, detail);
}

/**
 * Follows GET /api/articles/{id}/events: onEvent(type, data) for each 'progress', then 'end' (or
 * 'gone'). A stream that drops is opened again, a little later each time; an answer that will not
 * change by trying again (401, 404...) goes to onError and ends it. Returns a function that stops it.
 */
export function followEvents(id, onEvent, onError) {
  const stop = new AbortController();
  (async () => {
    let delay = 500;
    while (!stop.signal.aborted) {
      try {
        const response = await api(`/api/articles/${encodeURIComponent(id)}/events`, {
          signal: stop.signal,
          headers: { Accept: 'text/event-stream' },
        });
        delay = 500;
        if (await readEvents(response.body, onEvent)) return;
      } catch (error) {
        if (stop.signal.aborted) return;
        const lasting = error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
        onError(error, !lasting);
        if (lasting) return;
      }
      await new Promise(resume => setTimeout(resume, delay));
      delay = Math.min(delay * 2, 10000);
    }
  })();
  return () => stop.abort();
}

/** Reads server-sent events until the stream ends (false) or an 'end' or 'gone' event comes (true). */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer = (buffer + value).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (!event) continue;
      onEvent(event.type, event.data);
      if (event.type === 'end' || event.type === 'gone') {
        await reader.cancel();
        return true;
      }
    }
  }
}

function parseEvent(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && type === 'message') return null;
  try {
    return { type, data: data.length ? JSON.parse(data.join('\n')) : null };
  } catch {
    return null;
  }
}
