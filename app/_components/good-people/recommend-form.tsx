'use client';
// 我推荐身边好人: the nomination form, and the receipt once it is saved. The live character count is a
// help only; the server's check (lib/citizen-input.ts visibleText) decides.
import { Link } from '@/app/_components/page-link';
import { useActionState, useState } from 'react';
import { recommendAction, type RecommendState } from '@/app/(public)/good-people/actions';
import { visibleLength } from '@/lib/visible-length';
import { useClientText } from '../client-text';
import { CopyButton } from '../copy-link-button';
import { FieldShell, FilePicker, FormMessage, inputClass, SelectField, SubmitButton, TextField } from '../form-fields';
import { GOOD_PERSON_CATEGORIES } from '@/lib/enums';

function DeedField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [count, setCount] = useState(() => visibleLength(defaultValue.trim()));
  const t = useClientText();
  const tone = count < 30 || count > 200 ? 'text-brand' : 'text-green-800';
  return (
    <FieldShell id="field-deed" label="一句话事迹" required hint="用一句话说明TA做了什么，30至200个字" error={error}>
      {(aria) => (
        <>
          <textarea {...aria} name="deed" rows={3} required defaultValue={defaultValue} onInput={(e) => setCount(visibleLength(e.currentTarget.value.trim()))} className={inputClass} />
          <p className={`mt-1 text-right text-xs ${tone}`} aria-live="polite">
            {t('已输入')}
            {count}
            {t('个字（30至200个字）')}
          </p>
        </>
      )}
    </FieldShell>
  );
}

export function RecommendForm() {
  const [state, action] = useActionState<RecommendState, FormData>(recommendAction, {});
  const t = useClientText();
  if (state.ok && state.receiptNo) {
    return (
      <section aria-labelledby="receipt-heading" className="space-y-3 rounded-lg border border-green-700 bg-green-50 p-4 sm:p-6">
        <h2 id="receipt-heading" className="text-lg font-bold text-green-800">
          {t('推荐已提交')}
        </h2>
        <p>
          {t('您的回执号：')}
          {/* One piece: a receipt number must never break at its hyphen. */}
          <strong className="ml-1 whitespace-nowrap font-mono text-2xl tracking-wider" data-testid="receipt-no">
            {state.receiptNo}
          </strong>
        </p>
        <CopyButton text={state.receiptNo} label="复制回执号" copied="回执号已复制" />
        <p>{t('请记下回执号，可凭回执号和推荐人电话查询办理进度。')}</p>
        <p>
          <Link href={`/good-people/recommend/status?no=${encodeURIComponent(state.receiptNo)}`} className="text-brand underline">
            {t('查询办理进度')}
          </Link>
        </p>
      </section>
    );
  }
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-bold">{t('被推荐人')}</legend>
        <TextField state={state} name="nomineeName" label="被推荐人姓名" required hint="2至20个字" />
        <TextField state={state} name="region" label="所在地区/单位" required hint="如：东湖区白沙街道 或 所在单位名称，2至50个字" />
        <SelectField state={state} name="category" label="类别" options={GOOD_PERSON_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        <DeedField key={v.deed ?? ''} defaultValue={v.deed ?? ''} error={state.fieldErrors?.deed} />
        <FieldShell id="field-story" label="详细事迹" hint="选填，不超过3000个字；可写清时间、地点、经过和身边人的评价" error={state.fieldErrors?.story}>
          {(aria) => <textarea {...aria} name="story" rows={8} defaultValue={v.story} className={inputClass} />}
        </FieldShell>
        <FieldShell id="field-photos" label="照片" hint="选填，最多5张，每张不超过5MB（JPEG、PNG、WebP、GIF）。如提交未成功，需要重新选择照片。" error={state.fieldErrors?.photos}>
          {(aria) => <FilePicker aria={aria} name="photos" multiple accept="image/*" buttonText="选择照片" />}
        </FieldShell>
      </fieldset>
      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-bold">{t('推荐人')}</legend>
        <TextField state={state} name="recommenderName" label="推荐人姓名" required hint="2至20个字" autoComplete="name" />
        <TextField state={state} name="recommenderPhone" label="推荐人电话" type="tel" required hint="用于核实情况和查询进度，不会公开" autoComplete="tel" />
      </fieldset>
      <FieldShell id="field-consent" label="承诺" error={state.fieldErrors?.consent}>
        {(aria) => (
          <label className="mt-1 flex items-start gap-2">
            <input {...aria} type="checkbox" name="consent" defaultChecked={v.consent === 'on'} className="mt-1 size-4" />
            <span>{t('我承诺所填信息真实')}</span>
          </label>
        )}
      </FieldShell>
      <SubmitButton>提交推荐</SubmitButton>
    </form>
  );
}
