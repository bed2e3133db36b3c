'use client';

// The 异议申诉 / 信用修复 application form for one chosen entry; after submission it shows the tracking number.
import { Link } from '@/app/_components/page-link';
import { useActionState } from 'react';
import { useClientText } from '../../../_components/client-text';
import { CopyButton } from '../../../_components/copy-link-button';
import { FieldShell, FilePicker, FormMessage, inputClass, SubmitButton, TextField } from '../../../_components/form-fields';
import { OBJECTION_KIND_LABELS } from '@/lib/objection-status';
import { submitObjection, type ObjectionState } from './actions';

const KIND_HINTS = {
  objection: '认为公示信息有错误、遗漏，或不应公示的',
  repair: '已纠正失信行为、履行相关义务，申请提前移出公示的',
} as const;

export function ObjectionForm({ entryId }: { entryId: number }) {
  const [state, action] = useActionState(submitObjection, {} as ObjectionState);
  const t = useClientText();
  if (state.ok && state.trackingNo) {
    return (
      <section aria-labelledby="objection-done" role="status" className="rounded-lg border border-green-700 bg-green-50 p-4">
        <h2 id="objection-done" className="text-lg font-bold text-green-800">
          {t('申请已提交')}
        </h2>
        <p className="mt-2">{t('您的受理编号：')}</p>
        {/* One piece: a tracking number must never break at its hyphen. */}
        <p className="mt-1 whitespace-nowrap font-mono text-2xl font-bold tracking-wider" data-testid="tracking-no">
          {state.trackingNo}
        </p>
        <div className="mt-2">
          <CopyButton text={state.trackingNo} label={t('复制受理编号')} copied={t('受理编号已复制')} failed={t('复制失败，请手动复制：')} />
        </div>
        <p className="mt-2 text-sm">{t('请记下受理编号。凭受理编号和您填写的联系电话，可随时查询办理进度。')}</p>
        <p className="mt-3">
          <Link href={`/credit/objection/status?no=${encodeURIComponent(state.trackingNo)}`} className="font-medium text-brand underline">
            {t('查询办理进度')}
          </Link>
        </p>
      </section>
    );
  }
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-labelledby="objection-form-title" noValidate>
      <h2 id="objection-form-title" className="text-lg font-bold">
        {t('填写申请')}
      </h2>
      <input type="hidden" name="entryId" value={entryId} />
      {errors.entryId && (
        <p id="field-entryId-error" className="text-sm text-brand">
          {t(errors.entryId)}
        </p>
      )}
      <fieldset aria-describedby={errors.kind ? 'field-kind-error' : undefined} aria-invalid={errors.kind ? true : undefined}>
        <legend className="text-sm font-medium">
          {t('申请类型')}
          <span aria-hidden="true" className="text-brand">
            {' '}
            *
          </span>
        </legend>
        <div className="mt-1 space-y-2">
          {(['objection', 'repair'] as const).map((kind) => (
            <label key={kind} className="flex items-start gap-2 rounded border border-line bg-white px-3 py-2">
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} className="mt-1" />
              <span>
                <span className="font-medium">{t(OBJECTION_KIND_LABELS[kind])}</span>
                <span className="block text-xs text-muted">{t(KIND_HINTS[kind])}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.kind && (
          <p id="field-kind-error" className="mt-1 text-sm text-brand">
            {t(errors.kind)}
          </p>
        )}
      </fieldset>
      <TextField state={state} name="applicantName" label="申请人姓名" required hint="2至50个字；单位申请的，请填写单位名称或经办人姓名" autoComplete="name" maxLength={100} />
      <TextField state={state} name="applicantPhone" label="联系电话" type="tel" required hint="手机号或带区号的固定电话。仅用于联系您和查询进度，不会公开" autoComplete="tel" maxLength={30} />
      <FieldShell id="field-explanation" label="申请说明" required hint="20至2000个字：说明理由、事实经过和已采取的纠正措施" error={errors.explanation}>
        {(aria) => <textarea {...aria} name="explanation" rows={8} defaultValue={values.explanation} className={inputClass} />}
      </FieldShell>
      <FieldShell id="field-attachments" label="证明材料（可选）" hint="最多5个文件，每个不超过5MB；支持 PDF 和 JPEG、PNG、WebP、GIF 图片" error={errors.attachments}>
        {(aria) => <FilePicker aria={aria} name="attachments" multiple accept="application/pdf,image/jpeg,image/png,image/webp,image/gif" buttonText="选择文件" />}
      </FieldShell>
      <div>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={values.consent === 'on'}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'field-consent-error' : undefined}
            className="mt-1"
          />
          <span className="text-sm">{t('本人承诺所填信息和所附材料真实、合法，同意有关部门为核实申请联系本人并查阅所附材料。')}</span>
        </label>
        {errors.consent && (
          <p id="field-consent-error" className="mt-1 text-sm text-brand">
            {t(errors.consent)}
          </p>
        )}
      </div>
      <FormMessage state={state} />
      <SubmitButton>提交申请</SubmitButton>
    </form>
  );
}
