// Helpers of the input suites (XSS, odd input, uploads): server actions by name, citizens' calls from
// an address of their own, and the checks every answer and every rendered page must pass.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { XSS_MARK_ID } from './corpus/xss';
import { callAction, freshAddress, loadActions, type ActionRef, type ActionResult, type FieldValue } from './security-helpers';

let actions: Map<string, ActionRef> | null = null;

/** A server action of the build by its file and export, e.g. `action('app/(public)/good-people/actions.ts', 'commentAction')`. */
export function action(file: string, name: string): ActionRef {
  actions ??= loadActions();
  const found = actions.get(`${file}#${name}`);
  if (!found) throw new Error(`no server action ${file}#${name} in the build`);
  return found;
}

export const ACTIONS = {
  like: () => action('app/(public)/good-people/actions.ts', 'likeAction'),
  comment: () => action('app/(public)/good-people/actions.ts', 'commentAction'),
  report: () => action('app/(public)/good-people/actions.ts', 'reportAction'),
  recommend: () => action('app/(public)/good-people/actions.ts', 'recommendAction'),
  recommendStatus: () => action('app/(public)/good-people/actions.ts', 'statusLookupAction'),
  objection: () => action('app/(public)/credit/objection/actions.ts', 'submitObjection'),
  objectionStatus: () => action('app/(public)/credit/objection/actions.ts', 'lookupObjectionStatus'),
  createArticle: () => action('app/(admin)/admin/news/actions.ts', 'createNewsArticle'),
  reviewArticle: () => action('app/(admin)/admin/news/review-actions.ts', 'reviewNewsArticle'),
  createPerson: () => action('app/(admin)/admin/good-people/actions.ts', 'createGoodPerson'),
  reviewPerson: () => action('app/(admin)/admin/good-people/actions.ts', 'reviewGoodPerson'),
  moderateComment: () => action('app/(admin)/admin/good-people/comments/actions.ts', 'moderatePeopleComment'),
  createBatch: () => action('app/(admin)/admin/credit/batches/actions.ts', 'createCreditBatch'),
  createEntry: () => action('app/(admin)/admin/credit/entries/actions.ts', 'createCreditEntryAction'),
  reviewBatch: () => action('app/(admin)/admin/credit/batches/actions.ts', 'reviewCreditBatch'),
  uploadMedia: () => action('app/(admin)/admin/media/actions.ts', 'uploadMedia'),
};

/**
 * The action's return value from a React Flight answer. Rows are `id:json\n`, except text rows
 * `id:T<hex byte length>,<text>` (long strings, e.g. a 10k-character value echoed back), which have no
 * line end; `"$<id>"` strings in the value point at them.
 */
export function flightState(text: string): Record<string, unknown> | null {
  const bytes = Buffer.from(text, 'utf8');
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon === -1) break;
    const id = bytes.subarray(at, colon).toString('latin1');
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString('latin1'), 16);
      rows.set(id, JSON.stringify(bytes.subarray(comma + 1, comma + 1 + length).toString('utf8')));
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf(0x0a, colon);
      rows.set(id, bytes.subarray(colon + 1, end === -1 ? bytes.length : end).toString('utf8'));
      at = end === -1 ? bytes.length : end + 1;
    }
  }
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\$@?[0-9a-f]+$/.test(value)) return resolve(JSON.parse(rows.get(value.replace(/^\$@?/, '')) ?? 'null'));
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const state = resolve(root?.a);
    return state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A citizen's form submission from an address of its own (lib/client-ip.ts reads the rightmost
 * X-Forwarded-For entry), so the corpus is not slowed by the per-address limits other specs rely on.
 */
export async function citizenCall(context: APIRequestContext, baseURL: string, ref: ActionRef, fields: Record<string, FieldValue>, path: string, address = freshAddress()): Promise<ActionResult> {
  const result = await callAction(context, baseURL, ref, fields, { path, headers: { 'X-Forwarded-For': address } });
  return { ...result, state: result.state ?? flightState(result.text) };
}

/** A staff action; fails the test unless it went through (a redirect or `ok`). Returns the redirect target. */
export async function staffCall(context: APIRequestContext, baseURL: string, ref: ActionRef, fields: Record<string, FieldValue>, path: string): Promise<string | null> {
  const called = await callAction(context, baseURL, ref, fields, { path });
  const result = { ...called, state: called.state ?? flightState(called.text) };
  expect(result.status, `${ref.name}: ${result.text.slice(0, 300)}`).toBeLessThan(400);
  expect(result.redirect !== null || result.state?.ok === true, `${ref.name} refused: ${JSON.stringify(result.state)}`).toBe(true);
  return result.redirect;
}

/** The number at the end of a redirect path such as `/admin/news/12?created=1`. */
export function idFrom(redirect: string | null): number {
  const match = /\/(\d+)(?:[?#]|$)/.exec(redirect ?? '');
  if (!match) throw new Error(`no id in redirect ${redirect}`);
  return Number(match[1]);
}

// Texts that must never reach a citizen: stack frames, module paths, SQL and driver messages, and the
// error page that stands in for a failed render (streamed pages can fail after a 200 status).
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\n\s+at [\w.<>$]+ \(|\bat (?:async )?[\w.]+ \(\/|\.(?:ts|tsx|js|mjs):\d+:\d+/],
  ['module path', /node_modules\/|\/work\/|webpack-internal:/],
  ['SQL', /Failed query:|syntax error at or near|invalid input syntax for|PostgresError|PGlite|drizzle|relation "\w+" does not exist|\bselect "[a-z_]+"\./i],
  ['JS error', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|URIError): /],
  ['error page', /页面暂时无法显示|Internal Server Error|Application error: a server-side exception/],
];

/** Fails when an answer is a 5xx or carries a stack trace, SQL or the error page. */
export function expectNoLeak(label: string, status: number, body: string) {
  expect(status, `${label}: HTTP ${status}\n${body.slice(0, 500)}`).toBeLessThan(500);
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(body);
    expect(match, `${label}: ${what} in the answer: …${match ? body.slice(Math.max(0, match.index - 120), match.index + 200) : ''}…`).toBeNull();
  }
}

/** Fails the test when a page opens a dialog (alert/confirm/prompt): the classic sign of injected script. */
export function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  return opened;
}

/**
 * Opens a page in the browser and asserts that no payload ran: no `window.__xss`, no marker element,
 * no element with an inline event handler or a javascript: URL that came from content. Returns the
 * page's text for further checks.
 */
export async function expectNoXss(page: Page, url: string): Promise<string> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status() ?? 0, url).toBeLessThan(400);
  // Let error/load handlers of broken images and autofocus handlers fire.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const found = await page.evaluate((markId) => {
    const handlers = [...document.querySelectorAll('body *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`));
    const scriptUrls = [...document.querySelectorAll('[href],[src],[action],[formaction],[data]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? el.getAttribute('data') ?? '')
      .filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v.replace(/[\u0000-\u001f]/g, '')));
    return { mark: (window as unknown as { __xss?: unknown }).__xss ?? null, markerElement: document.getElementById(markId) !== null, handlers, scriptUrls };
  }, XSS_MARK_ID);
  expect(found, `${url}: injected markup ran or survived`).toEqual({ mark: null, markerElement: false, handlers: [], scriptUrls: [] });
  return page.evaluate(() => document.body.textContent ?? '');
}
