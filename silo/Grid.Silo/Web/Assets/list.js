// The front page: the submit form with the new article's progress, and the list of articles,
// newest first, a page at a time, refreshed while any article on the page is still in work;
// a search narrows the list to the articles with its words (in Arabic or English), and a feed to the
// articles made from its items. The page, status, feed and search live in the address, so a search
// can be shared and Back undoes it.

import { api, apiJson, followEvents } from './api.js';
import { el } from './dom.js';
import { formatDate, formatDuration, isFinished, progressText, Statuses, statusLabel, timeTaken } from './format.js';
import { clearError, showError, showKeyControls } from './notices.js';
import { showProgress } from './progress.js';

const PageSize = 20;
const RefreshDelay = 2000;

const list = document.getElementById('articles');
const filter = document.getElementById('status-filter');
const feedFilter = document.getElementById('feed-filter');
const searchForm = document.getElementById('search-form');
const searchText = document.getElementById('search-text');
const previous = document.getElementById('previous-page');
const next = document.getElementById('next-page');
const form = document.getElementById('submit-form');
const text = document.getElementById('submit-text');
const file = document.getElementById('submit-file');

// A saved page chosen as the file: sent as it is, and Grid extracts its article.
let pageHtml = null;
let refreshTimer = 0;
let loading = 0;
let stopFollowing = () => {};

function query() {
  const params = new URLSearchParams(location.search);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const status = Statuses.includes(params.get('status')) ? params.get('status') : '';
  const q = (params.get('q') ?? '').trim();
  const feed = (params.get('feed') ?? '').trim();
  return { page, status, q, feed };
}

/** Goes to the list the address describes once <changes> (page, status, q, feed) are made to the current one. */
function navigate(changes) {
  const { page, status, q, feed } = { ...query(), ...changes };
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  if (status) params.set('status', status);
  if (feed) params.set('feed', feed);
  const search = params.toString();
  history.pushState(null, '', search ? `/?${search}` : '/');
  loadList();
}

async function loadList() {
  clearTimeout(refreshTimer);
  const { page, status, q, feed } = query();
  filter.value = status;
  showFeed(feed);
  const call = ++loading;
  const params = new URLSearchParams({ page: String(page), pageSize: String(PageSize) });
  if (status) params.set('status', status);
  if (q) params.set('q', q);
  if (feed) params.set('feed', feed);
  try {
    const answer = await apiJson(`/api/articles?${params}`);
    if (call !== loading) return;
    renderList(answer, status, q);
    if (answer.items.some(item => !isFinished(item.status)))
      refreshTimer = setTimeout(loadList, RefreshDelay);
  } catch (error) {
    if (call === loading) showError(error, loadList);
  }
}

function renderList(answer, status, q) {
  const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
  const which = status ? ` ${status}` : '';
  const from = query().feed ? ' from this feed' : '';
  const plural = answer.total === 1 ? '' : 's';
  document.getElementById('list-summary').textContent = q
    ? (answer.total === 0 ? `No${which} articles${from} match “${q}”.` : `${answer.total}${which} article${plural}${from} match “${q}”, newest first.`)
    : (answer.total === 0 ? `No${which} articles${from} yet.` : `${answer.total}${which} article${plural}${from}, newest first.`);
  document.getElementById('page-label').textContent = `Page ${answer.page} of ${pages}`;
  previous.disabled = answer.page <= 1;
  next.disabled = !answer.next;
  list.replaceChildren(...answer.items.map(renderItem));
}

/** The feeds to filter by, from /api/feeds; a feed in the address that is no longer followed still shows as chosen. */
async function loadFeeds() {
  try {
    const feeds = await apiJson('/api/feeds');
    feedFilter.replaceChildren(el('option', { value: '' }, 'all'),
      ...feeds.map(feed => el('option', { value: feed.id }, feed.title || feed.url)));
  } catch (error) {
    showError(error, loadFeeds);
  }
  showFeed(query().feed);
}

function showFeed(feed) {
  if (feed && ![...feedFilter.options].some(option => option.value === feed))
    feedFilter.append(el('option', { value: feed }, feed));
  feedFilter.value = feed;
}

function renderItem(item) {
  const english = item.title?.en || '';
  const arabic = item.title?.ar || '';
  const took = timeTaken(item);
  return el('li', { class: 'article-item', 'data-id': item.id, 'data-status': item.status },
    el('a', { class: 'title-en', href: `/articles/${encodeURIComponent(item.id)}`, lang: 'en' }, english || (arabic ? '(title not translated yet)' : item.id)),
    arabic ? el('p', { class: 'title-ar', lang: 'ar', dir: 'rtl' }, arabic) : null,
    el('p', { class: 'meta' },
      item.source ? el('span', { class: 'source', dir: 'auto' }, item.source) : null,
      el('time', { datetime: item.submittedAt }, formatDate(item.submittedAt)),
      statusBadge(item),
      isFinished(item.status) ? null : progressBar(item.progress),
      isFinished(item.status) ? null : el('span', {}, progressText(item.progress)),
      took === null ? null : el('span', { class: 'took' }, `took ${formatDuration(took)}`)),
    item.failure ? el('p', { class: 'failure' }, item.failure) : null);
}

function statusBadge(item) {
  return el('span', { class: 'status', 'data-status': item.status }, statusLabel(item));
}

function progressBar(progress) {
  return el('progress', {
    max: Math.max(1, progress.chunksTotal),
    value: progress.chunksDone,
    'aria-label': progressText(progress) || 'not started',
  });
}

async function readFile() {
  const chosen = file.files?.[0];
  if (!chosen) return;
  const content = await chosen.text();
  const isHtml = /\.html?$/i.test(chosen.name) || chosen.type === 'text/html';
  pageHtml = isHtml ? content : null;
  text.value = isHtml ? '' : content;
  text.placeholder = isHtml ? `${chosen.name}: Grid extracts the article from the page` : '';
}

async function submit(event) {
  event.preventDefault();
  clearError();
  const body = text.value.trim() || !pageHtml ? { text: text.value } : { html: pageHtml };
  for (const name of ['source', 'url']) {
    const value = form.elements[name].value.trim();
    if (value) body[name] = value;
  }
  // An address alone: Grid fetches the page.
  if (!body.html && !body.text.trim() && body.url) delete body.text;
  if (!body.html && !body.url && !body.text.trim()) {
    showError(new Error('paste the article, choose a file, or give the address of a page, first.'));
    text.focus();
    return;
  }
  const button = document.getElementById('submit-button');
  button.disabled = true;
  try {
    const response = await api('/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const receipt = await response.json();
    follow(receipt.id, receipt.status, receipt.alreadyKnown);
    loadList();
  } catch (error) {
    showError(error, () => form.requestSubmit());
  } finally {
    button.disabled = false;
  }
}

function follow(id, status, alreadyKnown) {
  stopFollowing();
  const link = document.getElementById('submission-link');
  link.href = `/articles/${encodeURIComponent(id)}`;
  link.textContent = alreadyKnown ? `Article ${id} (already submitted)` : `Article ${id}`;
  showSubmission({ id, status, progress: { chunksDone: 0, chunksTotal: 0 } });
  document.getElementById('submission').hidden = false;
  stopFollowing = followEvents(id, (type, data) => {
    if (data) showSubmission(data);
    if (type === 'end' || type === 'gone') loadList();
  }, (error, retrying) => {
    document.getElementById('submission-detail').textContent = retrying ? 'connection lost, trying again…' : error.message;
  });
}

function showSubmission(event) {
  showProgress({
    status: document.getElementById('submission-status'),
    bar: document.getElementById('submission-progress'),
    text: document.getElementById('submission-detail'),
  }, event);
}

filter.addEventListener('change', () => navigate({ page: 1, status: filter.value }));
feedFilter.addEventListener('change', () => navigate({ page: 1, feed: feedFilter.value }));
searchForm.addEventListener('submit', event => {
  event.preventDefault();
  navigate({ page: 1, q: searchText.value.trim() });
});
previous.addEventListener('click', () => navigate({ page: query().page - 1 }));
next.addEventListener('click', () => navigate({ page: query().page + 1 }));
file.addEventListener('change', () => readFile().catch(error => showError(error)));
form.addEventListener('submit', submit);
// The box shows the address's search when the address changes, never while the list refreshes under someone typing.
window.addEventListener('popstate', () => {
  searchText.value = query().q;
  loadList();
});
searchText.value = query().q;
showKeyControls();
loadFeeds();
loadList();
