// The dashboard: asks for a read key, then shows scores, trend, breakdown, follow-ups, themes and comments for the chosen
// survey and period.
// The filters live in the URL (never the key), so a view can be bookmarked or shared.
import { KeyRefused, forgetKey, getJson, storeKey, storedKey } from './api.js';
import { loadComments, showMoreComments } from './comments.js';
import { loadFollowUps } from './followups.js';
import { kinds, surveyName } from './format.js';
import { renderBreakdown, renderScore } from './render.js';
import { loadThemes, setUpThemes } from './themes.js';
import { drawTrend } from './trend.js';

const $ = id => document.getElementById(id);
const day = 24 * 60 * 60 * 1000;
// URL parameter → the field it fills; the order is the order in the URL.
const fields = {
  survey: 'template', from: 'from', to: 'to', interval: 'interval', groupBy: 'group-by',
  minScore: 'min-score', maxScore: 'max-score', text: 'comment-text',
};
let runs = 0;
let typing;
let theme;
let templates = [];

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

function fillTemplates(items) {
  templates = items;
  const wanted = new URLSearchParams(location.search).get('survey');
  const options = Object.entries(kinds).map(([kind, { title }]) => new Option(`All ${title} surveys`, `${kind}|`));
  for (const template of templates) options.push(new Option(surveyName(template), `${template.kind}|${template.id}`));
  $('template').replaceChildren(...options);
  if (options.some(option => option.value === wanted)) $('template').value = wanted;
}

function selection() {
  const [kind, templateId] = $('template').value.split('|');
  const to = new Date(Date.parse(`${$('to').value}T00:00:00Z`) + day).toISOString();
  return { kind, templateId: templateId || undefined, from: `${$('from').value}T00:00:00Z`, to };
}

function remember() {
  const query = new URLSearchParams();
  for (const [name, id] of Object.entries(fields)) {
    if ($(id).value.trim() !== '') query.set(name, $(id).value.trim());
  }
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

async function refresh() {
  if (!$('filters').reportValidity()) return;
  remember();
  const run = ++runs;
  $('status').textContent = 'Loading…';
  // Scores, themes and comments load side by side; one failing leaves the others on screen.
  theme = undefined;
  const results = await Promise.allSettled([
    loadScores(run), loadThemes(selection(), showTheme), loadComments(selection()), loadFollowUps(selection()),
  ]);
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
  renderBreakdown(kind, groupBy, result.groups, reasonLabels(kind, templateId));
}

function commentFilterChanged(wait) {
  remember();
  clearTimeout(typing);
  // Typing restarts the list once the typing pauses, not at every key.
  typing = setTimeout(() => loadComments(selection(), theme).catch(fail), wait);
}

/** Reason code → its label in the default locale, of the chosen survey (or every survey of the kind). */
function reasonLabels(kind, templateId) {
  const labels = {};
  for (const template of templates.filter(t => t.kind === kind && (!templateId || t.id === templateId))) {
    Object.assign(labels, template.content[template.defaultLocale]?.reasonLabels);
  }
  return labels;
}

/** A theme was chosen (or unchosen: undefined): the comment list shows its comments (or all again). */
function showTheme(chosen) {
  theme = chosen;
  return loadComments(selection(), theme).catch(fail);
}

function setUp() {
  const query = new URLSearchParams(location.search);
  const today = new Date().toISOString().slice(0, 10);
  for (const [name, id] of Object.entries(fields)) {
    if (name !== 'survey' && query.has(name)) $(id).value = query.get(name);
  }
  $('to').value ||= today;
  $('from').value ||= new Date(Date.parse(today) - 89 * day).toISOString().slice(0, 10);
  $('filters').addEventListener('change', refresh);
  $('filters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
  $('comment-filters').addEventListener('submit', event => event.preventDefault());
  $('min-score').addEventListener('change', () => commentFilterChanged(0));
  $('max-score').addEventListener('change', () => commentFilterChanged(0));
  $('comment-text').addEventListener('input', () => commentFilterChanged(300));
  $('more-comments').addEventListener('click', () => showMoreComments().catch(fail));
  setUpThemes(selection, showTheme, fail);
  $('change-key').addEventListener('click', () => askForKey());
  $('key-form').addEventListener('submit', event => {
    event.preventDefault();
    storeKey($('key-input').value.trim());
    open();
  });
  if (storedKey()) open(); else askForKey();
}

setUp();
