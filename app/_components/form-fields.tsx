'use client';

// Form pieces shared by every admin form: a labelled field with its error next to it, the form-level
// message, and a submit button that shows progress. State comes from useActionState (server/actions.ts).
import { useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/server/actions';
import { useClientText } from './client-text';

export const inputClass = 'mt-1 block w-full rounded border border-line bg-white px-3 py-2 aria-[invalid=true]:border-brand';

/** The accessibility wiring a control needs from its shell. */
export type ControlAria = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * Label, control, hint and error, wired together: the one layout of every form field. `id` must be unique
 * on the page (forms repeated per row pass their own).
 */
export function FieldShell({ id, label, required, hint, error, children }: { id: string; label: string; required?: boolean; hint?: string; error?: string; children: (aria: ControlAria) => React.ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const t = useClientText();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t(label)}
        {required && (
          <span aria-hidden="true" className="text-brand">
            {' '}
            *
          </span>
        )}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {t(hint)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-brand">
          {t(error)}
        </p>
      )}
    </div>
  );
}

type FieldProps = {
  state: ActionState;
  name: string;
  label: string;
  /** Defaults to `field-<name>`; pass one when the same form repeats on a page. */
  id?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  maxLength?: number;
};

export function TextField({ state, name, label, id, type = 'text', defaultValue, required, hint, autoComplete, maxLength }: FieldProps) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} required={required} hint={hint} error={state.fieldErrors?.[name]}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          type={type}
          defaultValue={type === 'password' ? undefined : (state.values?.[name] ?? defaultValue)}
          required={required}
          autoComplete={autoComplete}
          maxLength={maxLength}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}

/** A multi-line text field with its label, hint and error, like TextField. */
/** One checkbox with its sentence (a promise, an opt-in) under a label, checked again after a refused send. */
export function CheckboxField({ state, name, label, text }: { state: ActionState; name: string; label: string; text: string }) {
  const t = useClientText();
  return (
    <FieldShell id={`field-${name}`} label={label} error={state.fieldErrors?.[name]}>
      {(aria) => (
        <label className="mt-1 flex items-start gap-2">
          <input {...aria} type="checkbox" name={name} defaultChecked={state.values?.[name] === 'on'} className="mt-1 size-4" />
          <span>{t(text)}</span>
        </label>
      )}
    </FieldShell>
  );
}

export function TextAreaField({ state, name, label, id, rows = 3, required, hint, maxLength = 500 }: { state: ActionState; name: string; label: string; id?: string; rows?: number; required?: boolean; hint?: string; maxLength?: number }) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} required={required} hint={hint} error={state.fieldErrors?.[name]}>
      {(aria) => <textarea {...aria} name={name} rows={rows} required={required} maxLength={maxLength} defaultValue={state.values?.[name]} className={inputClass} />}
    </FieldShell>
  );
}

export function SelectField({ state, name, label, options, defaultValue, id }: { state: ActionState; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; id?: string }) {
  const t = useClientText();
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} error={state.fieldErrors?.[name]}>
      {(aria) => (
        // Keyed by the value: React resets a form after its action, and a <select> only takes a new
        // defaultValue when it mounts, so a refused form would otherwise fall back to the first option.
        <select {...aria} key={state.values?.[name] ?? defaultValue ?? ''} name={name} defaultValue={state.values?.[name] ?? defaultValue} className={inputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.label)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function FormMessage({ state, success }: { state: ActionState; success?: string }) {
  const t = useClientText();
  if (state.message) {
    return (
      <p role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm text-brand">
        {t(state.message)}
      </p>
    );
  }
  if (state.ok && success) {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
        {t(success)}
      </p>
    );
  }
  return null;
}

export function SubmitButton({ children, pendingText = '提交中…', tone = 'primary' }: { children: React.ReactNode; pendingText?: string; tone?: 'primary' | 'secondary' | 'danger' }) {
  const { pending } = useFormStatus();
  const t = useClientText();
  const tones = {
    primary: 'bg-brand text-white hover:bg-brand-dark',
    secondary: 'border border-line bg-white text-ink hover:border-brand',
    danger: 'border border-brand bg-white text-brand hover:bg-brand-soft',
  };
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}>
      {pending ? t(pendingText) : typeof children === 'string' ? t(children) : children}
    </button>
  );
}

/**
 * A file field with a Chinese button (the browser's own says "Choose Files" in an English browser). The real
 * <input type=file> stays: visually hidden but focusable, named by the field's label; the button is its second
 * label, so a click or a tap opens the picker, and keyboard focus on the input shows on the button.
 */
export function FilePicker({ aria, name, accept, multiple, buttonText }: { aria: ControlAria; name: string; accept: string; multiple?: boolean; buttonText: string }) {
  const t = useClientText();
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-3">
      <input
        {...aria}
        type="file"
        name={name}
        accept={accept}
        multiple={multiple}
        onChange={(event) => setNames(Array.from(event.currentTarget.files ?? [], (file) => file.name))}
        className="peer sr-only"
      />
      <label
        htmlFor={aria.id}
        className="inline-flex cursor-pointer items-center rounded border border-brand bg-white px-4 py-2 text-sm font-medium text-brand hover:bg-brand-soft peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus"
      >
        {t(buttonText)}
      </label>
      <span className="min-w-0 break-all text-sm text-muted" aria-live="polite">
        {names.length === 0 ? null : names.length === 1 ? names[0] : `${t('已选择')} ${names.length} ${t('个文件：')}${names.join('、')}`}
      </span>
    </div>
  );
}
