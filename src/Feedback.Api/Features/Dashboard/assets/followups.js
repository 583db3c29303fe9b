// The follow-ups panel: how many follow-ups of the period are open and overdue, the share resolved within their due
// time (GET /v1/followups/stats), and the oldest open ones with their score, comment, assignee and due time.
import { getJson } from './api.js';
import * as format from './format.js';

const $ = id => document.getElementById(id);
export const oldestShown = 5;

let shown;

function cell(content, className) {
  const td = document.createElement('td');
  td.textContent = content;
  if (className) td.className = className;
  return td;
}

/** One open follow-up as a row; the comment and the assignee are text, never markup. */
function row(followUp) {
  const tr = document.createElement('tr');
  if (followUp.overdue) tr.className = 'overdue';
  const comment = cell(followUp.comment ?? '—', 'comment');
  comment.dir = 'auto';
  tr.append(cell(String(followUp.score)), comment, cell(followUp.assignee ?? 'nobody'),
    cell(`${followUp.dueAt.slice(0, 16).replace('T', ' ')} UTC${followUp.overdue ? ' (overdue)' : ''}`));
  return tr;
}

/** Loads the figures of the follow-ups opened in <selection>'s period, and the oldest open ones, of its survey. */
export async function loadFollowUps({ templateId, from, to }) {
  const ask = { templateId, from, to };
  shown = ask;
  const [stats, oldest] = await Promise.all([
    getJson('/v1/followups/stats', ask),
    getJson('/v1/followups', { status: 'open', templateId, limit: oldestShown }),
  ]);
  // A newer period or survey asked since: its answer will draw the panel.
  if (shown !== ask) return;
  $('followups-open').textContent = format.count(stats.open);
  $('followups-overdue').textContent = format.count(stats.overdue);
  $('followups-within-due').textContent = format.percent(stats.resolvedWithinDue);
  $('followups').querySelector('tbody').replaceChildren(...oldest.items.map(row));
  $('followups-note').textContent = oldest.items.length > 0
    ? `The oldest open follow-ups, ${format.count(oldest.items.length)} shown; ${format.count(stats.opened)} opened and ${format.count(stats.resolved)} resolved in this period.`
    : `No open follow-up; ${format.count(stats.opened)} opened and ${format.count(stats.resolved)} resolved in this period.`;
}
