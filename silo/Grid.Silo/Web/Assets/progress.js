// An article's progress, shown the same way on both pages: a status badge, a bar of chunks and a line.

import { isFinished, progressText, statusLabel, waitingText } from './format.js';

/**
 * Shows an article, or a progress event of one, in `status`, `bar` and `text`: while it is in work,
 * how many chunks are done. At the end the bar fills and the line says what went wrong, unless
 * `endShownElsewhere` (the article page shows the outcome itself): then bar and line go.
 */
export function showProgress({ status, bar, text }, article, { endShownElsewhere = false } = {}) {
  const finished = isFinished(article.status);
  status.textContent = statusLabel(article);
  status.dataset.status = article.status;
  bar.max = Math.max(1, article.progress.chunksTotal);
  bar.value = finished ? bar.max : article.progress.chunksDone;
  bar.hidden = finished && endShownElsewhere;
  text.textContent = !finished ? [progressText(article.progress), waitingText(article)].filter(Boolean).join(' · ')
    : endShownElsewhere ? '' : article.failure ?? '';
}
