'use client';
// What the citizens' submissions with a receipt number share (我推荐身边好人, 随手拍): the receipt that
// replaces the form once it is saved, and the look-up of the progress by receipt number and phone.
import { Link } from './page-link';
import type { ActionState } from '@/server/actions';
import { useClientText } from './client-text';
import { CopyButton } from './copy-link-button';
import { FormMessage, SubmitButton, TextField } from './form-fields';

/** The receipt: its number in one piece, a copy button, what happens next and where to look it up. */
export function ReceiptNotice({ heading, receiptNo, note, statusHref }: { heading: string; receiptNo: string; note: string; statusHref: string }) {
  const t = useClientText();
  return (
    <section aria-labelledby="receipt-heading" className="space-y-3 rounded-lg border border-green-700 bg-green-50 p-4 sm:p-6">
      <h2 id="receipt-heading" className="text-lg font-bold text-green-800">
        {t(heading)}
      </h2>
      <p>
        {t('您的回执号：')}
        {/* One piece: a receipt number must never break at its hyphens. */}
        <strong className="ml-1 whitespace-nowrap font-mono text-2xl tracking-wider" data-testid="receipt-no">
          {receiptNo}
        </strong>
      </p>
      <CopyButton text={receiptNo} label={t('复制回执号')} copied={t('回执号已复制')} failed={t('复制失败，请手动复制：')} />
      <p>{t(note)}</p>
      <p>
        <Link href={statusHref} className="text-brand underline">
          {t('查询办理进度')}
        </Link>
      </p>
    </section>
  );
}

/** The look-up form: the receipt number (named `field`, filled from the address when given) and the phone. */
export function ReceiptLookupForm({
  state,
  action,
  field,
  receiptNo,
  receiptHint,
  phoneLabel,
  phoneHint,
}: {
  state: ActionState;
  action: (formData: FormData) => void;
  field: string;
  receiptNo?: string;
  receiptHint: string;
  phoneLabel: string;
  phoneHint: string;
}) {
  const t = useClientText();
  return (
    <form action={action} className="space-y-4" aria-label={t('查询办理进度')}>
      <FormMessage state={state} />
      <TextField state={state} name={field} label="回执号" required defaultValue={receiptNo} hint={receiptHint} autoComplete="off" />
      <TextField state={state} name="phone" label={phoneLabel} type="tel" required hint={phoneHint} autoComplete="tel" />
      <SubmitButton pendingText="查询中…">查询</SubmitButton>
    </form>
  );
}
