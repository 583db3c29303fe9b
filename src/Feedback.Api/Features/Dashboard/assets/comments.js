// The comments panel: every comment of the chosen period, lowest score first, fifty more at each "More comments".
// The API pages by cursor in its own order, so the feed asks for one score at a time, lowest first, and pages
// through each; the text filter runs here, on the pages as they arrive (the API has no text search).
// With a theme chosen in the themes panel, the list is that theme's comments instead, its term marked in each.
import { getJson } from './api.js';
import * as format from './format.js';

const $ = id => document.getElementById(id);

const shownPerStep = 50;
const fetchedPerRequest = 500;

/**
 * A feed over the answers with a comment that match <query> (period, survey, kind) for each score in <scores>.
 * take() resolves to the next comments (at most fifty) that also pass <matches>; exhausted says nothing is left.
 */
function commentFeed(query, scores, matches) {
  let next = 0;
  let cursor;
  const waiting = [];
  return {
    get exhausted() { return next >= scores.length && waiting.length === 0; },
    async take() {
      while (waiting.length < shownPerStep && next < scores.length) {
        const score = scores[next];
        const page = await getJson('/v1/responses', {
          ...query, hasComment: true, minScore: score, maxScore: score, limit: fetchedPerRequest, cursor,
        });
        waiting.push(...page.items.filter(matches));
        cursor = page.nextCursor ?? undefined;
        if (!cursor) next++;
      }
      return waiting.splice(0, shownPerStep);
    },
  };
}

/** The comments of the period containing <theme>'s term (of its segment), in the order answered, with where it is. */
function themeFeed(query, theme, matches) {
  let cursor;
  let done = false;
  return {
    get exhausted() { return done; },
    async take() {
      const items = [];
      while (!done && items.length < shownPerStep) {
        const page = await getJson('/v1/themes/comments', {
          ...query, term: theme.term, locale: theme.locale, segment: theme.segment, limit: shownPerStep, cursor,
        });
        items.push(...page.items.filter(matches));
        cursor = page.nextCursor ?? undefined;
        done = !cursor;
      }
      return items;
    },
  };
}

function element(tag, content, className) {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  if (className) node.className = className;
  return node;
}

// "Agent: maria": the label and the value are separate text nodes, so a value can never become markup.
function field(label, value) {
  const node = element('span', undefined, 'field');
  node.append(element('span', `${label}: `, 'label'), document.createTextNode(value));
  return node;
}

/** The comment as text nodes, the highlighted ranges (UTF-16 offsets) in <mark>s: never parsed as HTML. */
function marked(text, highlights = []) {
  const parts = [];
  let at = 0;
  for (const { start, length } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    parts.push(document.createTextNode(text.slice(at, start)), element('mark', text.slice(start, start + length)));
    at = start + length;
  }
  parts.push(document.createTextNode(text.slice(at)));
  return parts;
}

/** One comment as a list item; every value from the API is written as text. */
function commentItem(kind, response) {
  const item = element('li');
  item.dataset.id = response.id;
  item.append(element('span', String(response.score), `badge ${format.band(kind ?? response.kind, response.score)}`));
  const body = element('div');
  const comment = element('p', undefined, 'comment');
  comment.append(...marked(response.comment ?? '', response.highlights));
  // Each comment takes its direction from its own text: Hebrew reads right to left inside an English page.
  comment.dir = 'auto';
  comment.lang = response.locale ?? '';
  const meta = element('p', undefined, 'meta');
  const when = new Date(response.answeredAt).toISOString().slice(0, 16).replace('T', ' ');
  const fields = [
    ['Agent', response.properties?.agent],
    ['Category', response.properties?.category],
    ['Product', response.properties?.product],
    ['Channel', response.channel && format.channel(response.channel)],
    ['Language', format.language(response.locale)],
  ].filter(([, value]) => value);
  meta.append(element('span', `${when} UTC`, 'field'), ...fields.map(([label, value]) => field(label, value)));
  body.append(comment, meta);
  item.append(body);
  return item;
}

/** What the list holds: how many, of what, and whether "More comments" can add to it. */
function countText(shown, text, exhausted, theme) {
  const about = `${theme ? ` about “${theme.term}”` : ''}${text ? ` containing “${text}”` : ''}`;
  const noun = `comment${shown === 1 ? '' : 's'}${about}`;
  if (shown === 0) return `No comments${about} in this period.`;
  if (exhausted) return `${format.count(shown)} ${noun} in this period, all shown.`;
  return `${format.count(shown)} ${noun} shown so far; “More comments” adds the next ${shownPerStep}.`;
}

/** The scores the comment filter lets through, on the kind's scale: one request series each, lowest first. */
function scoresWanted(kind) {
  const { min, max } = format.kinds[kind];
  const bound = (id, fallback, round) => ($(id).value === '' || Number.isNaN(Number($(id).value)) ? fallback : round(Number($(id).value)));
  const low = Math.max(min, bound('min-score', min, Math.ceil));
  const high = Math.min(max, bound('max-score', max, Math.floor));
  return Array.from({ length: Math.max(0, high - low + 1) }, (_, i) => low + i);
}

let current;

/** Starts the list again: the period, the survey, a comment filter or the chosen theme changed. */
export async function loadComments({ kind, templateId, from, to }, theme) {
  const text = $('comment-text').value.trim();
  const wanted = text.toLocaleLowerCase();
  const query = { from, to, templateId, kind: templateId ? undefined : kind };
  const matches = response => !wanted || (response.comment ?? '').toLocaleLowerCase().includes(wanted);
  const wantedScores = new Set(scoresWanted(kind));
  current = theme
    ? { feed: themeFeed(query, theme, response => wantedScores.has(response.score) && matches(response)), kind, text, theme, shown: 0 }
    : { feed: commentFeed(query, scoresWanted(kind), matches), kind, text, shown: 0 };
  $('comment-period').textContent = `Answered from ${format.day(from)} to ${format.day(Date.parse(to) - 1)} (UTC days, both included).`;
  $('comment-count').textContent = 'Loading…';
  $('comments').replaceChildren();
  $('more-comments').hidden = true;
  await showMoreComments();
}

/** Adds the next comments of the current list ("More comments"). */
export async function showMoreComments() {
  const list = current;
  $('more-comments').disabled = true;
  const items = await list.feed.take();
  // The filters changed while this page was loading: the newer list replaces it.
  if (list !== current) return;
  $('comments').append(...items.map(response => commentItem(list.kind, response)));
  list.shown += items.length;
  $('comment-count').textContent = countText(list.shown, list.text, list.feed.exhausted, list.theme);
  $('more-comments').hidden = list.feed.exhausted;
  $('more-comments').disabled = false;
}
