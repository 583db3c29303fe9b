// How each kind's numbers read: NPS −100…100, CSAT a percentage, CES a mean on 1–7.
export const kinds = {
  nps: { title: 'NPS', min: 0, max: 10, low: 6, high: 9, axis: { min: -100, max: 100 } },
  csat: { title: 'CSAT', min: 1, max: 5, low: 2, high: 4, axis: { min: 0, max: 100 } },
  ces: { title: 'CES', min: 1, max: 7, low: 3, high: 6, axis: { min: 1, max: 7 } },
};

const missing = value => value === null || value === undefined || Number.isNaN(value);

export function score(kind, value) {
  if (missing(value)) return '–';
  if (kind === 'csat') return `${value.toFixed(1)} %`;
  return kind === 'ces' ? value.toFixed(2) : value.toFixed(1);
}

export function interval(kind, confidence) {
  if (!confidence || missing(confidence.low) || missing(confidence.high)) return '–';
  return `${score(kind, confidence.low)} to ${score(kind, confidence.high)}`;
}

export const count = value => (missing(value) ? '–' : value.toLocaleString('en'));

export const percent = value => (missing(value) ? '–' : `${(value * 100).toFixed(1)} %`);

/** The score's band, for the colour of a comment's badge. */
export function band(kind, value) {
  const { low, high } = kinds[kind];
  return value <= low ? 'low' : value >= high ? 'high' : 'mid';
}
