// Writes API data into the page. Every value goes through textContent: never markup built from data.
import * as format from './format.js';

const text = (id, value) => { document.getElementById(id).textContent = value; };

function element(tag, content, className) {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  if (className) node.className = className;
  return node;
}

const isSmall = result => result.smallSample ?? result.responses < 30;

export function renderScore(kind, result) {
  text('score-title', format.kinds[kind].title);
  text('score', format.score(kind, result.score));
  text('confidence', `95 % interval: ${format.interval(kind, result.confidence95)}`);
  document.getElementById('small-sample').hidden = !isSmall(result);
  text('responses', format.count(result.responses));
  const counts = {
    nps: () => `${format.count(result.promoters)} promoters · ${format.count(result.passives)} passives · ${format.count(result.detractors)} detractors`,
    csat: () => `${format.count(result.satisfied)} satisfied (4–5)`,
    ces: () => `mean effort ${format.score('ces', result.mean ?? result.score)}`,
  };
  text('counts', counts[kind]());
  text('response-rate', format.percent(result.responseRate));
  text('sent', `of ${format.count(result.sent)} surveys sent`);
}

export function renderBreakdown(kind, groupBy, groups, reasonLabels = {}) {
  text('group-name', format.propertyName(groupBy).toLowerCase());
  const rows = (groups ?? []).map(group => {
    // A group of fewer than 30 answers is greyed: the note under the table says why.
    const row = element('tr', undefined, isSmall(group) ? 'small' : undefined);
    if (isSmall(group)) row.title = 'Fewer than 30 answers: read with care';
    row.append(
      element('td', format.groupKey(groupBy, group.key, reasonLabels)),
      element('td', format.count(group.responses)),
      element('td', format.score(kind, group.score)),
      element('td', format.interval(kind, group.confidence95)));
    return row;
  });
  if (rows.length === 0) {
    const empty = element('td', 'No answers carry this property in the period.');
    empty.colSpan = 4;
    rows.push(element('tr'));
    rows[0].append(empty);
  }
  document.querySelector('#breakdown tbody').replaceChildren(...rows);
  document.getElementById('small-groups').hidden = !(groups ?? []).some(isSmall);
}
