// What both pages show when a call fails: a form for the API key when the API asks for one, the
// problem's title and detail otherwise.

import { ApiError, apiKey, forgetApiKey, setApiKey } from './api.js';
import { el } from './dom.js';

export function showError(error, retry) {
  if (error instanceof ApiError && error.needsKey) {
    askForKey(error, retry);
    return;
  }
  const box = document.getElementById('error');
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : error.message;
  box.replaceChildren(el('strong', {}, title), detail ? `: ${detail}` : '');
  box.hidden = false;
}

export function clearError() {
  const box = document.getElementById('error');
  box.hidden = true;
  box.replaceChildren();
}

/** The header's "Forget the API key" button, there only while a key is kept. */
export function showKeyControls() {
  const slot = document.getElementById('key-controls');
  if (!apiKey()) {
    slot.replaceChildren();
    return;
  }
  const forget = el('button', { type: 'button', class: 'link-button' }, 'Forget the API key');
  forget.addEventListener('click', () => {
    forgetApiKey();
    location.reload();
  });
  slot.replaceChildren(forget);
}

/** What waits for the key: every call the API refused for want of one (the list and the feeds may both ask at once). */
const waitingForKey = [];

function askForKey(error, retry) {
  if (retry) waitingForKey.push(retry);
  const slot = document.getElementById('key-slot');
  // One form for all of them: a second refusal must not replace the first one's retry.
  if (slot.querySelector('.key-panel')) return;
  const input = el('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
  const form = el('form', { class: 'key-panel', 'aria-labelledby': 'key-heading' },
    el('h2', { id: 'key-heading' }, 'An API key is needed'),
    el('p', {}, error.detail || 'This Grid answers only calls that carry one of its API keys.'),
    el('label', { for: 'api-key' }, 'API key'),
    el('div', { class: 'row' }, input, el('button', { type: 'submit' }, 'Use this key')),
    el('p', { class: 'hint' }, 'The key is kept in this browser and sent in the X-Api-Key header with every call to the API.'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    setApiKey(input.value.trim());
    slot.replaceChildren();
    showKeyControls();
    clearError();
    for (const waiting of waitingForKey.splice(0)) waiting();
  });
  slot.replaceChildren(form);
  input.focus();
}
