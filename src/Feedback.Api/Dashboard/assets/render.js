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

export function renderBreakdown(kind, groupBy, groups) {
  text('group-name', groupBy);
  const rows = (groups ?? []).map(group => {
    const row = element('tr');
    row.append(
      element('td', group.key),
      element('td', format.count(group.responses)),
      element('td', format.score(kind, group.score), isSmall(group) ? 'small' : undefined),
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
}

export function renderComments(kind, comments, total) {
  const items = comments.map(response => {
    const item = element('li');
    item.append(element('span', String(response.score), `badge ${format.band(kind ?? response.kind, response.score)}`));
    const body = element('div');
    const comment = element('p', response.comment, 'comment');
    // Each comment takes its direction from its own text: Hebrew reads right to left inside an English page.
    comment.dir = 'auto';
    comment.lang = response.locale ?? '';
    const when = new Date(response.answeredAt).toISOString().slice(0, 16).replace('T', ' ');
    const where = [response.properties?.agent, response.properties?.category, response.channel].filter(Boolean).join(' · ');
    body.append(comment, element('p', `${when} UTC · ${where} · ${response.locale}`, 'meta'));
    item.append(body);
    return item;
  });
  document.getElementById('comments').replaceChildren(...items);
  text('comment-count', `${comments.length} of ${total} comments shown`);
}
