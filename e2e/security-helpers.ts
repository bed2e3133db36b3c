// HTTP-level helpers for the security suites: sign in without a browser, find server action ids in the
// build, and call a server action the way React's client does (Next-Action header + encoded reply).
import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';

export const ADMIN_LOGIN = { username: 'e2e-admin', password: 'Civic-e2e-Lantern-2026' };

let addressCounter = 0;

/**
 * A client address of its own for rate-limited requests (lib/client-ip.ts takes the rightmost
 * X-Forwarded-For entry), so a suite never uses up the limits other specs on the same server rely on.
 */
export function freshAddress(): string {
  addressCounter += 1;
  const n = (process.pid * 7919 + addressCounter * 104_729 + Date.now()) % 16_000_000;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** A request context (its own cookie jar) with a next-auth session for the user. Throws when sign-in fails. */
export async function signInRequest(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() } });
  const csrf = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, username, password, json: 'true', callbackUrl: `${baseURL}/admin` },
    maxRedirects: 0,
  });
  const cookies = (await context.storageState()).cookies;
  if (!cookies.some((c) => c.name.endsWith('next-auth.session-token'))) {
    const body = await response.text();
    await context.dispose();
    throw new Error(`sign-in of ${username} failed: HTTP ${response.status()} ${body.slice(0, 200)}`);
  }
  return context;
}

/** A request context without a session. */
export function anonymousRequest(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() } });
}

// ------------------------------------------------------------------------------------------ actions

export type ActionRef = { id: string; file: string; name: string; pages: string[] };

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/**
 * Every server action of the build, keyed `file#exportedName` (file relative to the project, e.g.
 * `app/(admin)/admin/users/actions.ts#createUser`). Needs `next build` to have run in the project folder.
 */
export function loadActions(projectDir = process.cwd()): Map<string, ActionRef> {
  const file = path.join(projectDir, '.next/server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  const actions = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    const pages = Object.keys(entry.workers).map(routeOfWorker);
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, file: entry.filename, name: entry.exportedName, pages });
  }
  return actions;
}

/** `app/(admin)/admin/news/[id]/page` -> `/admin/news/[id]` (route groups dropped). */
function routeOfWorker(worker: string): string {
  const parts = worker.replace(/^app\//, '').replace(/\/page$/, '').split('/').filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`.replace(/\/page$/, '') || '/';
}

/** A page of this app to post the action to: one that imports it if it has no dynamic segment. */
export function actionPath(action: ActionRef): string {
  return action.pages.find((p) => !p.includes('[')) ?? (action.file.includes('(admin)') ? '/admin' : '/');
}

export type FileField = { name: string; mimeType: string; buffer: Buffer };
export type FieldValue = string | number | FileField | (string | FileField)[];

export type ActionResult = {
  status: number;
  /** The raw React Flight answer (text/x-component). */
  text: string;
  /** The redirect the action asked for (`/path`), from the x-action-redirect header. */
  redirect: string | null;
  /** The action's return value when it is a plain object (the ActionState), else null. */
  state: Record<string, unknown> | null;
};

function appendField(form: FormData, key: string, value: string | number | FileField) {
  if (typeof value === 'object') form.append(key, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  else form.append(key, String(value));
}

/** The rows of a React Flight answer: `N:<json>` lines keyed by N. */
function flightRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  return rows;
}

/** The action's return value of any JSON shape: row 0 says `"a":"$@N"` and row N holds the value. */
export function flightValue(text: string): unknown {
  const rows = flightRows(text);
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    if (typeof root?.a === 'string' && root.a.startsWith('$@')) return JSON.parse(rows.get(root.a.slice(2)) ?? 'null');
    return root?.a ?? null;
  } catch {
    return undefined;
  }
}

/** The action's return value when it is a plain object (the ActionState), else null. */
export function parseActionState(text: string): Record<string, unknown> | null {
  const value = flightValue(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

async function actionResult(response: APIResponse): Promise<ActionResult> {
  const text = await response.text();
  const redirect = response.headers()['x-action-redirect']?.split(';')[0] ?? null;
  return { status: response.status(), text, redirect, state: parseActionState(text) };
}

function actionHeaders(baseURL: string, action: ActionRef, extra?: Record<string, string>): Record<string, string> {
  // Origin as a browser sends it: Next refuses actions whose Origin does not match the Host.
  return { 'Next-Action': action.id, Origin: new URL(baseURL).origin, Accept: 'text/x-component', ...extra };
}

/**
 * Calls a `(previousState, formData)` action (the useActionState shape) with the given form fields, as
 * React 19.3's client encodes it: part `0` is `[{}, "$K1"]` and the form's fields are parts `_1_<name>`.
 */
export async function callAction(
  context: APIRequestContext,
  baseURL: string,
  action: ActionRef,
  fields: Record<string, FieldValue>,
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<ActionResult> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) appendField(form, `_1_${key}`, one);
  }
  // The root goes last, as React sends it: the server resolves "$K1" from the fields already received.
  form.append('0', JSON.stringify([{}, '$K1']));
  const response = await context.post(options.path ?? actionPath(action), {
    headers: actionHeaders(baseURL, action, options.headers),
    multipart: form,
    maxRedirects: 0,
  });
  return actionResult(response);
}

/** Calls an action that takes plain JSON arguments (e.g. `listMediaForPicker(page)`). */
export async function callActionWithArgs(
  context: APIRequestContext,
  baseURL: string,
  action: ActionRef,
  args: unknown[],
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<ActionResult & { value: unknown }> {
  const response = await context.post(options.path ?? actionPath(action), {
    headers: { ...actionHeaders(baseURL, action, options.headers), 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const result = await actionResult(response);
  return { ...result, value: flightValue(result.text) };
}

/** Asserts that a response is the sign-in redirect (from the proxy or from requirePageUser). */
export function expectLoginRedirect(response: APIResponse, label: string) {
  expect([302, 303, 307, 308], `${label}: status`).toContain(response.status());
  expect(response.headers().location ?? '', `${label}: location`).toMatch(/\/login(\?|$)/);
}
