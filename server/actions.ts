// The one pattern for server actions: check the signed-in user's permission on the server, parse the
// form with zod, run the work, and answer { ok } or { fieldErrors, message } for useActionState.
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { currentUser, type AuthUser } from './auth';
import { headers } from 'next/headers';
import { withoutControlCharacters } from '@/lib/citizen-input';
import { clientIp } from '@/lib/client-ip';
import { safeErrorSummary } from '@/lib/log-error';
import { consumeAttempt, waitText, type Policy } from './rate-limit';
import { can, type Permission } from '@/lib/roles';
import { personalNumbersIssue } from '@/lib/citizen-input';
import { maskPersonalNumbers, type TextFormat } from '@/lib/pii-detect';

export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted text, echoed back so that a refused form keeps what the user typed. */
  values?: Record<string, string>;
  /**
   * Fields refused for holding an ID, mobile or bank card number (lib/pii-detect.ts): a staff form then
   * offers to send itself again with maskPii=1, which saves them masked (app/_components/pii-mask-option.tsx).
   */
  piiFields?: string[];
};

/** The message above a form whose fields are marked; each field says how to fix it. */
export const INVALID_MESSAGE = '请按提示修改标出的项目。';

/** What every action handler gets besides its parsed input. */
export type FormContext = {
  /** The submitted text (secrets left out), to send back so that a refused form keeps what was typed. */
  values: Record<string, string>;
  /** A refusal with messages next to the fields (`piiFields`: those refused for personal numbers). */
  invalid: (fieldErrors: Record<string, string>, piiFields?: string[]) => ActionState;
  /** A refusal with one message for the whole form. */
  refuse: (message: string) => ActionState;
  /** The form asked for personal numbers to be masked rather than refused (staff's 自动打码后保存). */
  maskPii: boolean;
};

export type ActionContext = FormContext & { user: AuthUser; db: Db };

function formContext(values: Record<string, string>, maskPii = false): FormContext {
  return {
    values,
    invalid: (fieldErrors, piiFields) => ({ fieldErrors, message: INVALID_MESSAGE, values, ...(piiFields?.length ? { piiFields } : {}) }),
    refuse: (message) => ({ message, values }),
    maskPii,
  };
}

// Secrets are never sent back to the browser, whatever the form calls them.
const NOT_ECHOED = /password|current|confirm|secret|token/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !NOT_ECHOED.test(key)) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The fields a parse refused for personal numbers, with each one's format. */
function personalNumberFields(error: z.ZodError): Map<string, TextFormat> {
  const fields = new Map<string, TextFormat>();
  for (const issue of error.issues) {
    const format = personalNumbersIssue(issue);
    const key = issue.path[0];
    if (format && typeof key === 'string') fields.set(key, format);
  }
  return fields;
}

/**
 * Parses a staff form. With maskPii=1 (自动打码后保存), fields refused only for personal numbers are masked
 * and the form parsed again; `values` then echo the masked text. A refusal names the personal-number
 * fields, so the form can offer the masking.
 */
function parseStaffForm<S extends z.ZodType>(schema: S, formData: FormData, values: Record<string, string>): { data: z.infer<S>; maskPii: boolean; masked: boolean } | ActionState {
  // A NUL typed or pasted into a field would make PostgreSQL refuse the row ("保存失败"); no form text
  // holds control characters, so they are dropped before the schema sees the values.
  const input: Record<string, unknown> = Object.fromEntries(
    [...formData].filter(([key]) => !key.startsWith('$ACTION')).map(([key, value]) => [key, typeof value === 'string' ? withoutControlCharacters(value) : value]),
  );
  const maskPii = formData.get('maskPii') === '1';
  let parsed = schema.safeParse(input);
  let masked = false;
  if (!parsed.success && maskPii) {
    const fields = personalNumberFields(parsed.error);
    masked = fields.size > 0;
    for (const [key, format] of fields) {
      const typed = input[key];
      if (typeof typed !== 'string') continue;
      const maskedText = maskPersonalNumbers(typed, format);
      input[key] = maskedText;
      if (key in values) values[key] = maskedText;
    }
    if (fields.size > 0) parsed = schema.safeParse(input);
  }
  if (parsed.success) return { data: parsed.data, maskPii, masked };
  const piiFields = [...personalNumberFields(parsed.error).keys()];
  return { fieldErrors: fieldErrorsOf(parsed.error), message: INVALID_MESSAGE, values, ...(piiFields.length ? { piiFields } : {}) };
}

export const REFUSED_SIGNED_OUT = '登录已过期，请重新登录后再提交（您填写的内容仍保留在页面上）。';
export const REFUSED_ROLE = '您没有执行此操作的权限。';

export function guardedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const user = await currentUser();
    if (!user) return { message: REFUSED_SIGNED_OUT, values };
    if (!can(user.role, permission)) return { message: REFUSED_ROLE, values };
    const parsed = parseStaffForm(schema, formData, values);
    if (!('data' in parsed)) return parsed;
    try {
      const result = (await handler(parsed.data, { ...formContext(values, parsed.maskPii), user, db: await getDb() }, formData)) ?? { ok: true };
      // Saved masked: the form is told what was stored, so that it shows the masked text.
      return parsed.masked && result.ok && !result.values ? { ...result, values } : result;
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      console.error(`action failed (${permission}): ${safeErrorSummary(error)}`);
      return { message: '保存失败，请稍后重试。如问题持续，请联系管理员。', values };
    }
  };
}

export type CitizenContext = FormContext & { db: Db; ip: string | null };

/**
 * The same pattern for citizens' forms (no sign-in): count the attempt against a per-address rate
 * limit, parse with zod, run the work. Attempts are counted before parsing, so a flood of bad forms is
 * limited too. Phone numbers are never echoed back in `values` of a successful submission.
 */
export function citizenAction<S extends z.ZodType>(
  policy: Policy,
  schema: S,
  handler: (input: z.infer<S>, ctx: CitizenContext, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    try {
      const db = await getDb();
      const ip = clientIp(await headers());
      const limit = await consumeAttempt(db, policy, ip ?? 'unknown');
      if (limit.limited) return { message: `提交过于频繁，请 ${waitText(limit.retryAfterSeconds)}后再试。`, values };
      const parsed = schema.safeParse(Object.fromEntries([...formData].filter(([key]) => !key.startsWith('$ACTION') && typeof formData.get(key) === 'string')));
      if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), message: INVALID_MESSAGE, values };
      const result = await handler(parsed.data, { ...formContext(values), db, ip }, formData);
      return result ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      console.error(`citizen action failed (${policy.name}): ${safeErrorSummary(error)}`);
      return { message: '提交失败，请稍后重试。', values };
    }
  };
}
