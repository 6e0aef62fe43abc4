// How the pages say statuses, dates and durations.

export const Statuses = ['fetching', 'queued', 'translating', 'summarizing', 'completed', 'failed'];

export function isFinished(status) {
  return status === 'completed' || status === 'failed';
}

/** The status as a reader should take it: an article with paragraphs left untranslated is never plainly complete. */
export function statusLabel(article) {
  const missing = article.missingParagraphs ?? 0;
  if (missing === 0) return article.status;
  return `${article.status}, ${missing} ${missing === 1 ? 'paragraph' : 'paragraphs'} missing`;
}

/** While the work waits for a backend: since when and why; empty otherwise. */
export function waitingText(article) {
  const wait = article.waitingForBackend;
  return wait ? `waiting for a backend since ${formatDate(wait.since)}: ${wait.reason}` : '';
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDuration(milliseconds) {
  if (milliseconds === null || milliseconds === undefined || milliseconds < 0) return '';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Wall time from submission to the end, or null while the article is still in work. */
export function timeTaken(item) {
  if (!item.finishedAt) return null;
  return new Date(item.finishedAt).getTime() - new Date(item.submittedAt).getTime();
}

/** "3 of 7 chunks", or nothing before the article has been cut into chunks. */
export function progressText(progress) {
  return progress && progress.chunksTotal > 0 ? `${progress.chunksDone} of ${progress.chunksTotal} chunks` : '';
}
