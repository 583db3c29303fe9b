// The themes panel: the words and phrases the low (or high) scores' comments use more than the other comments do
// (GET /v1/themes). Choosing a theme shows the comments containing it; choosing it again shows every comment again.
import { getJson } from './api.js';
import * as format from './format.js';

const $ = id => document.getElementById(id);

let segment = 'low';
let chosen;
let shown;

function element(tag, content, className) {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  if (className) node.className = className;
  return node;
}

const same = (a, b) => a && b && a.term === b.term && a.locale === b.locale;

/** One theme as a button; the term and every count are text, the language is named in words. */
function themeItem(theme, segmentComments, choose) {
  const item = element('li');
  const button = element('button', undefined, 'theme');
  button.type = 'button';
  button.dataset.term = theme.term;
  button.setAttribute('aria-pressed', String(same(theme, chosen)));
  const term = element('span', theme.term, 'term');
  term.dir = 'auto';
  term.lang = theme.locale;
  button.append(term, element('span', format.language(theme.locale), 'language'));
  const counts = element('p', `${format.count(theme.segmentCount)} of ${format.count(segmentComments)} ${segment} · ${format.count(theme.otherCount)} other`, 'meta');
  button.addEventListener('click', () => choose(same(theme, chosen) ? undefined : theme));
  item.append(button, counts);
  return item;
}

function render(result, choose) {
  const noun = segment === 'low' ? 'low scores' : 'high scores';
  $('themes').replaceChildren(...result.themes.map(theme => themeItem(theme, result.segmentComments, choose)));
  $('theme-count').textContent = result.themes.length > 0
    ? `What the ${format.count(result.segmentComments)} comments with ${noun} mention more than the other ${format.count(result.comments - result.segmentComments)} do. Choose one to read its comments.`
    : `No word stands out in the ${format.count(result.segmentComments)} comments with ${noun}: a theme needs at least 3 comments and a clear difference from the others.`;
}

/**
 * Loads the themes of <selection> (survey, kind, period). <choose>(theme) is called with the theme to show comments for,
 * or undefined for every comment; a new period or segment forgets the chosen theme.
 */
export async function loadThemes({ kind, templateId, from, to }, choose) {
  const ask = { from, to, templateId, kind: templateId ? undefined : kind, segment };
  shown = ask;
  const pick = theme => {
    chosen = theme;
    for (const button of $('themes').querySelectorAll('button')) button.setAttribute('aria-pressed', 'false');
    if (theme) $('themes').querySelector(`button[data-term="${CSS.escape(theme.term)}"]`)?.setAttribute('aria-pressed', 'true');
    return choose(theme ? { ...theme, segment } : undefined);
  };
  chosen = undefined;
  $('theme-count').textContent = 'Loading…';
  const result = await getJson('/v1/themes', ask);
  // A newer period or segment asked since: its answer will draw the list.
  if (shown !== ask) return;
  render(result, pick);
}

/** Wires the low/high toggle: a switch reloads the themes for <selection>() and shows every comment again. */
export function setUpThemes(selection, choose, fail) {
  for (const button of document.querySelectorAll('#segment button')) {
    button.addEventListener('click', async () => {
      segment = button.value;
      for (const other of document.querySelectorAll('#segment button')) other.setAttribute('aria-pressed', String(other === button));
      try {
        await Promise.all([loadThemes(selection(), choose), choose(undefined)]);
      } catch (error) {
        fail(error);
      }
    });
  }
}
