// The feeds page: follow a feed, and the followed feeds with their schedule, counts and last error,
// refreshed while the page is open. Each new item of a feed becomes an article on the front page.

import { api, apiJson } from './api.js';
import { el, safeLink } from './dom.js';
import { formatDate } from './format.js';
import { clearError, showError, showKeyControls } from './notices.js';

const RefreshDelay = 3000;

const list = document.getElementById('feeds');
const summary = document.getElementById('feeds-summary');
const form = document.getElementById('follow-form');

let refreshTimer = 0;

async function loadFeeds() {
  clearTimeout(refreshTimer);
  try {
    render(await apiJson('/api/feeds'));
    refreshTimer = setTimeout(loadFeeds, RefreshDelay);
  } catch (error) {
    showError(error, loadFeeds);
  }
}

function render(feeds) {
  summary.textContent = feeds.length === 0 ? 'No feeds are followed yet.' : `${feeds.length} ${feeds.length === 1 ? 'feed' : 'feeds'}`;
  list.replaceChildren(...feeds.map(feedItem));
}

function feedItem(feed) {
  return el('li', { class: 'article-item feed-item', 'data-id': feed.id },
    el('div', { class: 'title' }, safeLink(feed.url, feed.title ?? feed.url)),
    el('div', { class: 'meta muted' },
      el('span', { class: 'feed-every' }, `every ${feed.every}`), ' · ',
      el('span', { class: 'feed-articles' }, `${feed.articlesMade} ${feed.articlesMade === 1 ? 'article' : 'articles'}`), ' · ',
      el('span', { class: 'feed-items' }, `${feed.itemsSeen} items seen`), ' · ',
      el('span', { class: 'feed-last' }, feed.lastPollAt ? `last poll ${formatDate(feed.lastPollAt)} (${feed.lastOutcome})` : 'not polled yet'), ' · ',
      el('span', { class: 'feed-next' }, feed.nextPollAt ? `next ${formatDate(feed.nextPollAt)}` : '')),
    feed.lastError ? el('p', { class: 'error feed-error' }, feed.lastError) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-action': 'poll' }, 'Poll now'),
      el('button', { type: 'button', 'data-action': 'remove' }, 'Stop following')));
}

async function act(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const id = button.closest('li').dataset.id;
  clearError();
  try {
    if (button.dataset.action === 'poll')
      await api(`/api/feeds/${encodeURIComponent(id)}/poll`, { method: 'POST' });
    else
      await api(`/api/feeds/${encodeURIComponent(id)}`, { method: 'DELETE' });
    loadFeeds();
  } catch (error) {
    showError(error);
  }
}

async function follow(event) {
  event.preventDefault();
  clearError();
  const url = form.elements.url.value.trim();
  if (!url) {
    showError(new Error('give the address of a feed first.'));
    form.elements.url.focus();
    return;
  }
  const button = document.getElementById('follow-button');
  button.disabled = true;
  try {
    await api('/api/feeds', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url, every: form.elements.every.value.trim() || undefined }),
    });
    form.elements.url.value = '';
    loadFeeds();
  } catch (error) {
    showError(error, () => form.requestSubmit());
  } finally {
    button.disabled = false;
  }
}

list.addEventListener('click', act);
form.addEventListener('submit', follow);
showKeyControls();
loadFeeds();
