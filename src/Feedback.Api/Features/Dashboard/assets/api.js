// Calls the Feedback API with the read key kept for this tab only (sessionStorage, never localStorage or a cookie).
const storageKey = 'feedback.readKey';

export const storedKey = () => sessionStorage.getItem(storageKey);
export const storeKey = key => sessionStorage.setItem(storageKey, key);
export const forgetKey = () => sessionStorage.removeItem(storageKey);

/** The key was refused (401) or lacks the read scope (403): the page asks for another. */
export class KeyRefused extends Error {
  constructor(status) {
    super(status === 403
      ? 'This key does not have the read scope (403).'
      : 'This key was not accepted: it is unknown or revoked (401).');
    this.status = status;
  }
}

export async function getJson(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, { headers: { Authorization: `Bearer ${storedKey()}`, Accept: 'application/json' } });
  if (response.status === 401 || response.status === 403) throw new KeyRefused(response.status);
  if (!response.ok) throw new Error(await problemText(response));
  return response.json();
}

// A Problem Details body names the field that was wrong; show that rather than a bare status code.
async function problemText(response) {
  try {
    const problem = await response.json();
    const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
    return [`${response.status} ${problem.title ?? ''}`.trim(), problem.detail, ...fields].filter(Boolean).join(' — ');
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}
