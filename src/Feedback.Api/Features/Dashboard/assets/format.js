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

/** A survey's name with its kind, unless the name already says it ("Support effort (CES)" stays as it is). */
export function surveyName(template) {
  const title = kinds[template.kind].title;
  return new RegExp(`\\b${title}\\b`, 'i').test(template.name) ? template.name : `${template.name} (${title})`;
}

// The channel is our own code list, so it gets words; other properties are the caller's data and are shown as sent.
const channels = { email: 'E-mail', web: 'Web', phone: 'Phone', chat: 'Chat', in_person: 'In person', sms: 'SMS', other: 'Other' };

export const channel = value => channels[value] ?? value;

/** A property name as words: "resolutionTime" and "resolution_time" both read "Resolution time". */
export function propertyName(name) {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A breakdown key as shown: channels in words, reasons by their template label, everything else as the caller sent it. */
export const groupKey = (groupBy, key, reasonLabels = {}) =>
  groupBy === 'channel' ? channel(key) : groupBy === 'reason' ? (Object.hasOwn(reasonLabels, key) ? reasonLabels[key] : key) : key;

const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "he" → "Hebrew", "pl-PL" → "Polish (Poland)"; a tag the browser does not know is shown as it is. */
export function language(tag) {
  if (!tag) return '';
  try {
    return languages.of(tag);
  } catch {
    return tag;
  }
}

/** A UTC day as written in the date inputs and the URL (2026-11-23). */
export const day = instant => new Date(instant).toISOString().slice(0, 10);
