// One article side by side: each Arabic paragraph on the right beside its English on the left, the
// summaries above, warnings and left-out lines folded away below. While the article is in work its
// progress comes from the event stream, and the text is read again as chunks finish.

import { api, apiJson, apiKey, followEvents } from './api.js';
import { el, safeLink } from './dom.js';
import { formatDate, formatDuration, isFinished, timeTaken } from './format.js';
import { clearError, showError, showKeyControls } from './notices.js';
import { showProgress } from './progress.js';

const id = decodeURIComponent(location.pathname.replace(/^\/articles\//, '').replace(/\/$/, ''));
const articlePath = `/api/articles/${encodeURIComponent(id)}`;
// ?revision=N shows an older revision as it read; without it, the newest as it reads now.
const askedRevision = Number.parseInt(new URLSearchParams(location.search).get('revision') ?? '', 10) || null;

let current = null;
let reading = null;
let readAgain = false;
let following = false;

/** Reads the article; a read asked for while one is under way runs once that one is done. */
async function read() {
  if (reading) {
    readAgain = true;
    return reading;
  }
  reading = (async () => {
    do {
      readAgain = false;
      try {
        const article = await apiJson(articlePath);
        render(askedRevision && askedRevision !== article.revision ? asRevision(await apiJson(`${articlePath}/revisions/${askedRevision}`), article) : article);
        clearError();
      } catch (error) {
        document.getElementById('loading').hidden = true;
        if (error.status === 404 || error.status === 410) notFound(error);
        else showError(error, read);
        return;
      }
    } while (readAgain);
  })();
  try {
    await reading;
  } finally {
    reading = null;
  }
  if (current && !current.older && !isFinished(current.status)) follow();
}

/** An older revision read like an article: what it did not keep (warnings, usage...) is empty, and the newest is named. */
function asRevision(revision, newest) {
  return {
    ...revision, older: true, newest, progress: { chunksDone: 0, chunksTotal: 0 },
    warnings: [], omitted: [], glossary: [], usage: null, olderRevisions: newest.olderRevisions,
  };
}

function follow() {
  if (following) return;
  following = true;
  let seen = `${current.status}/${current.progress.chunksDone}`;
  followEvents(id, (type, data) => {
    if (data) showProgress(progressElements(), data, { endShownElsewhere: true });
    const now = data ? `${data.status}/${data.progress.chunksDone}` : 'gone';
    if (now !== seen || type === 'end') {
      seen = now;
      read();
    }
    if (type === 'end' || type === 'gone') following = false;
  }, (error, retrying) => {
    if (!retrying) {
      following = false;
      showError(error, read);
    }
  });
}

function notFound(error) {
  document.title = 'No such article · Grid';
  document.getElementById('article').hidden = true;
  const box = document.getElementById('error');
  box.replaceChildren(
    el('strong', {}, error.title || 'No such article'), `: ${error.detail || `no article has the id '${id}'.`} `,
    el('a', { href: '/' }, 'See all articles'));
  box.hidden = false;
}

function render(article) {
  current = article;
  document.getElementById('loading').hidden = true;
  document.getElementById('article').hidden = false;
  const english = article.title?.en || '';
  const arabic = article.title?.ar || '';
  document.title = `${english || arabic || article.id} · Grid`;
  document.getElementById('title-en').textContent = english || (arabic ? 'Title not translated yet' : `Article ${article.id}`);
  document.getElementById('title-ar').textContent = arabic;

  const took = timeTaken(article);
  document.getElementById('meta').replaceChildren(...[
    article.dateLine ? el('span', { class: 'date-line', dir: 'auto' }, article.dateLine) : null,
    article.source ? el('span', { class: 'source', dir: 'auto' }, article.source) : null,
    article.byline ? el('span', { class: 'byline', dir: 'auto' }, article.byline) : null,
    article.url ? safeLink(article.url, 'original') : null,
    el('span', {}, 'submitted ', el('time', { datetime: article.submittedAt }, formatDate(article.submittedAt))),
    took === null ? null : el('span', { class: 'took' }, `took ${formatDuration(took)}`),
  ].filter(Boolean));
  renderRevisions(article);

  showProgress(progressElements(), article, { endShownElsewhere: true });
  const failure = document.getElementById('failure');
  failure.textContent = article.failure ?? '';
  failure.hidden = !article.failure;
  document.getElementById('json-link').href = article.older ? `${articlePath}/revisions/${article.revision}` : articlePath;

  renderSummary(article.summary);
  const finished = isFinished(article.status);
  document.getElementById('paragraphs').replaceChildren(...article.paragraphs.map(paragraph => renderPair(paragraph, finished, article.revision)));
  renderNotes(article);
}

function progressElements() {
  return {
    status: document.getElementById('status'),
    bar: document.getElementById('progress'),
    text: document.getElementById('progress-text'),
  };
}

function renderSummary(summary) {
  document.getElementById('summary-pending').hidden = !!summary;
  document.getElementById('summaries').hidden = !summary;
  if (!summary) return;
  document.getElementById('summary-en').textContent = summary.en;
  document.getElementById('summary-ar').textContent = summary.ar;
  document.getElementById('key-points').replaceChildren(...summary.keyPoints.map(point => el('li', {}, point)));
}

/**
 * Which revision this is, and links to the others kept: shown once an article has been given a new text.
 * An older revision says so, with a link back to the newest.
 */
function renderRevisions(article) {
  const box = document.getElementById('revisions');
  const newest = article.older ? article.newest.revision : article.revision;
  const older = article.olderRevisions ?? [];
  box.hidden = newest <= 1;
  if (box.hidden) return;
  const links = [...older, newest].map(number => number === article.revision
    ? el('strong', { 'aria-current': 'page' }, String(number))
    : el('a', { href: number === newest ? location.pathname : `${location.pathname}?revision=${number}` }, String(number)));
  box.replaceChildren(
    el('span', { id: 'revision' }, article.older ? `Revision ${article.revision} of ${newest}, as it read then` : `Revision ${article.revision}`),
    el('span', { class: 'revision-links' }, 'Revisions: ', ...links.flatMap((link, index) => index === 0 ? [link] : [' ', link])),
    article.older ? el('a', { href: location.pathname }, 'Read the newest') : null,
    !article.older && article.paragraphs.some(paragraph => paragraph.changed)
      ? el('span', { class: 'muted' }, 'Paragraphs marked “changed” are new in this revision.') : null);
}

/** One row per paragraph: the Arabic first in reading order, placed on the right by the style sheet; one new in this revision is marked. */
function renderPair(paragraph, finished, revision) {
  return el('div', { class: paragraph.changed ? 'pair changed' : 'pair', 'data-index': paragraph.index, 'data-changed': paragraph.changed ? 'true' : null },
    paragraph.changed ? el('p', { class: 'changed-mark' }, `Changed in revision ${revision}`) : null,
    el('p', { class: 'ar', lang: 'ar', dir: 'rtl' }, paragraph.ar),
    paragraph.en !== null && paragraph.en !== undefined ? el('p', { class: 'en', lang: 'en' }, paragraph.en)
      : finished ? el('p', { class: 'en missing', lang: 'en' }, 'Not translated: see the warnings below.')
      : el('p', { class: 'en pending', lang: 'en' }, 'Being translated…'));
}

function renderNotes(article) {
  const warnings = document.getElementById('warnings');
  warnings.hidden = article.warnings.length === 0;
  warnings.querySelector('summary').textContent = `Warnings (${article.warnings.length})`;
  document.getElementById('warning-list').replaceChildren(...article.warnings.map(warning => el('li', {}, warning)));

  const entries = article.glossary ?? [];
  const glossary = document.getElementById('glossary');
  glossary.hidden = entries.length === 0;
  glossary.querySelector('summary').textContent = `Glossary (${entries.length} names and terms, each rendered one way throughout)`;
  document.getElementById('glossary-entries').replaceChildren(...entries.map(entry => el('tr', {},
    el('td', { lang: 'ar', dir: 'rtl' }, entry.source), el('td', { lang: 'en' }, entry.english),
    el('td', {}, entry.kind), el('td', { class: 'muted' }, entry.origin))));

  const omitted = document.getElementById('omitted');
  omitted.hidden = article.omitted.length === 0;
  omitted.querySelector('summary').textContent = `Left out of the text (${article.omitted.length} lines: navigation, share buttons, related links…)`;
  document.getElementById('omitted-list').replaceChildren(...article.omitted.map(line =>
    el('li', {}, el('span', { dir: 'auto' }, line.text), ' ', el('span', { class: 'muted' }, `(${line.reason})`))));

  const usage = article.usage;
  const stages = (usage?.stages ?? []).filter(stage => stage.usage.calls > 0).map(stage => `${stage.stage} ${stage.usage.calls}`);
  document.getElementById('usage').textContent = usage
    ? `${article.mode ?? 'fast'} mode: ${usage.llmCalls} LLM calls${stages.length ? ` (${stages.join(', ')})` : ''}, `
      + `${usage.inputTokens} tokens in, ${usage.outputTokens} out; ${usage.cachedChunks} chunks from the cache.`
    : '';
}

/** The English as plain text: title, paragraphs, then the summary and key points. */
function englishText(article) {
  const lines = [article.title?.en || article.title?.ar || article.id, ''];
  for (const paragraph of article.paragraphs) lines.push(paragraph.en ?? '[not translated yet]', '');
  if (article.summary) {
    lines.push('Summary', '', article.summary.en, '');
    for (const point of article.summary.keyPoints) lines.push(`- ${point}`);
  }
  return lines.join('\n').trim() + '\n';
}

function tell(message) {
  document.getElementById('action-result').textContent = message;
}

async function copyEnglish() {
  const text = englishText(current);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (a page served over plain http to another machine): copy from a selection.
    const area = el('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) {
      tell('This browser would not copy; use Download instead.');
      return;
    }
  }
  tell('The English is copied.');
}

function download(content, type, name) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function openJson(event) {
  // A browser does not send the key when it follows a link: with a key, the JSON is fetched and saved.
  if (!apiKey()) return;
  event.preventDefault();
  try {
    download(await (await api(articlePath)).text(), 'application/json', `${id}.json`);
  } catch (error) {
    showError(error, read);
  }
}

document.getElementById('copy-english').addEventListener('click', () => current && copyEnglish());
document.getElementById('download-english').addEventListener('click', () => {
  if (!current) return;
  download(englishText(current), 'text/plain;charset=utf-8', `${id}.en.txt`);
  tell(`Saved as ${id}.en.txt.`);
});
document.getElementById('json-link').addEventListener('click', openJson);
showKeyControls();
read();
