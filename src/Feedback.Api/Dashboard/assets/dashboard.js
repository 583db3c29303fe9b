// The dashboard: asks for a read key, then shows scores, trend, breakdown and comments for the chosen survey and period.
// The filters live in the URL (never the key), so a view can be bookmarked or shared.
import { KeyRefused, forgetKey, getJson, storeKey, storedKey } from './api.js';
import { kinds } from './format.js';
import { renderBreakdown, renderComments, renderScore } from './render.js';
import { drawTrend } from './trend.js';

const $ = id => document.getElementById(id);
const day = 24 * 60 * 60 * 1000;
const commentWindowDays = 30;
const commentPages = 4;
let comments = [];
let runs = 0;

function askForKey(message) {
  forgetKey();
  $('board').hidden = true;
  $('change-key').hidden = true;
  $('key-panel').hidden = false;
  $('key-message').textContent = message ?? '';
  $('key-message').hidden = !message;
  $('key-input').value = '';
  $('key-input').focus();
}

function fail(error) {
  if (error instanceof KeyRefused) askForKey(`${error.message} Please enter a key with the read scope.`);
  else $('status').textContent = `Could not load the data: ${error.message}`;
}

async function open() {
  $('key-panel').hidden = true;
  $('board').hidden = false;
  $('change-key').hidden = false;
  try {
    const templates = await getJson('/v1/templates', { limit: 500 });
    fillTemplates(templates.items);
    await refresh();
  } catch (error) {
    fail(error);
  }
}

function fillTemplates(templates) {
  const wanted = new URLSearchParams(location.search).get('survey');
  const options = Object.entries(kinds).map(([kind, { title }]) => new Option(`All ${title} surveys`, `${kind}|`));
  for (const template of templates) options.push(new Option(`${template.name} (${kinds[template.kind].title})`, `${template.kind}|${template.id}`));
  $('template').replaceChildren(...options);
  if (options.some(option => option.value === wanted)) $('template').value = wanted;
}

function selection() {
  const [kind, templateId] = $('template').value.split('|');
  const to = new Date(Date.parse(`${$('to').value}T00:00:00Z`) + day).toISOString();
  return { kind, templateId: templateId || undefined, from: `${$('from').value}T00:00:00Z`, to };
}

function remember() {
  const query = new URLSearchParams({
    survey: $('template').value, from: $('from').value, to: $('to').value, interval: $('interval').value, groupBy: $('group-by').value,
  });
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

async function refresh() {
  if (!$('filters').reportValidity()) return;
  remember();
  const run = ++runs;
  $('status').textContent = 'Loading…';
  // Scores and comments load side by side; either failing leaves the other on screen.
  const results = await Promise.allSettled([loadScores(run), loadComments()]);
  const failures = results.filter(result => result.status === 'rejected').map(result => result.reason);
  if (failures.length > 0) fail(failures.find(reason => reason instanceof KeyRefused) ?? failures[0]);
  else if (run === runs) $('status').textContent = '';
}

async function loadScores(run) {
  const { kind, templateId, from, to } = selection();
  const groupBy = $('group-by').value;
  for (const id of ['min-score', 'max-score']) Object.assign($(id), { min: kinds[kind].min, max: kinds[kind].max });
  const result = await getJson(`/v1/scores/${kind}`, { templateId, from, to, interval: $('interval').value, groupBy });
  // A later change has started its own request: drawing this older answer now would show the wrong view.
  if (run !== runs) return;
  renderScore(kind, result);
  drawTrend(kind, result.series);
  renderBreakdown(kind, groupBy, result.groups);
}

async function loadComments() {
  const { kind, templateId, from, to } = selection();
  const since = new Date(Math.max(Date.parse(from), Date.parse(to) - commentWindowDays * day)).toISOString();
  const query = {
    hasComment: true, from: since, to, templateId, kind: templateId ? undefined : kind,
    minScore: $('min-score').value, maxScore: $('max-score').value, limit: 500,
  };
  const found = [];
  for (let page = 0, cursor; page < commentPages; page++) {
    const result = await getJson('/v1/responses', { ...query, cursor });
    found.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  comments = found;
  showComments();
}

function showComments() {
  const wanted = $('comment-text').value.trim().toLocaleLowerCase();
  const shown = comments
    .filter(response => !wanted || (response.comment ?? '').toLocaleLowerCase().includes(wanted))
    .sort((a, b) => a.score - b.score || String(b.answeredAt).localeCompare(String(a.answeredAt)))
    .slice(0, 50);
  renderComments(selection().kind, shown, comments.length);
}

function setUp() {
  const query = new URLSearchParams(location.search);
  const today = new Date().toISOString().slice(0, 10);
  $('to').value = query.get('to') ?? today;
  $('from').value = query.get('from') ?? new Date(Date.parse(today) - 89 * day).toISOString().slice(0, 10);
  if (query.has('interval')) $('interval').value = query.get('interval');
  if (query.has('groupBy')) $('group-by').value = query.get('groupBy');
  $('filters').addEventListener('change', refresh);
  $('filters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
  $('comment-filters').addEventListener('submit', event => event.preventDefault());
  $('min-score').addEventListener('change', () => loadComments().catch(fail));
  $('max-score').addEventListener('change', () => loadComments().catch(fail));
  $('comment-text').addEventListener('input', showComments);
  $('change-key').addEventListener('click', () => askForKey());
  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    storeKey($('key-input').value.trim());
    open();
  });
  if (storedKey()) open(); else askForKey();
}

setUp();
