'use client';

import { useActionState } from 'react';
import type { HandlingTimes, SiteInfo } from '@/db/queries/settings';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, inputClass, SubmitButton, TextField } from '../../../_components/form-fields';
import { updateCreditCategorySettings, updateHandlingTimes, updateSensitiveWords, updateSiteInfo } from './actions';

const SITE_FIELDS: { name: keyof SiteInfo; label: string; required?: boolean; maxLength: number; hint?: string; type?: string }[] = [
  { name: 'siteName', label: '网站名称', required: true, maxLength: 40 },
  { name: 'city', label: '城市', required: true, maxLength: 20 },
  { name: 'organizer', label: '主办单位', maxLength: 60 },
  { name: 'contact', label: '联系方式', maxLength: 100, hint: '地址、电话等，显示在页脚' },
  { name: 'siteCode', label: '网站标识码', maxLength: 20, hint: '例如 4201000099' },
  { name: 'icp', label: 'ICP备案号', maxLength: 40, hint: '页脚链接到工业和信息化部备案系统' },
  { name: 'publicSecurity', label: '公网安备号', maxLength: 40 },
  { name: 'errorReportUrl', label: '我为政府网站找错链接', maxLength: 200, type: 'url', hint: '以 https:// 开头的网址；留空则页脚不显示' },
];

export function SiteInfoForm({ info }: { info: SiteInfo }) {
  const [state, action] = useActionState(updateSiteInfo, {} as ActionState);
  return (
    <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="网站信息">
      {SITE_FIELDS.map((field) => (
        <TextField key={field.name} state={state} name={field.name} label={field.label} required={field.required} maxLength={field.maxLength} hint={field.hint} type={field.type} defaultValue={info[field.name]} />
      ))}
      <div className="space-y-2 sm:col-span-2">
        <SubmitButton>保存网站信息</SubmitButton>
        <FormMessage state={state} success="网站信息已保存，所有页面的页脚已更新。" />
      </div>
    </form>
  );
}

export type CategoryRow = { id: number; name: string; periodMonths: number; personNameMasking: 'masked' | 'full' };

/**
 * One category's settings. Own ids per row, because TextField's ids would repeat once per category.
 */
export function CreditCategoryForm({ category }: { category: CategoryRow }) {
  const [state, action] = useActionState(updateCreditCategorySettings, {} as ActionState);
  const id = `category-${category.id}`;
  const periodError = state.fieldErrors?.periodMonths;
  const maskingError = state.fieldErrors?.personNameMasking;
  return (
    <form action={action} aria-label={`${category.name}的公示设置`} className="flex flex-wrap items-start gap-3">
      <input type="hidden" name="id" value={category.id} />
      <div className="w-28">
        <label htmlFor={`${id}-period`} className="block text-xs font-medium">
          公示期限（月）
        </label>
        <input
          id={`${id}-period`}
          name="periodMonths"
          type="number"
          inputMode="numeric"
          min={3}
          max={36}
          step={1}
          required
          defaultValue={state.values?.periodMonths ?? category.periodMonths}
          aria-invalid={periodError ? true : undefined}
          aria-describedby={periodError ? `${id}-period-error` : undefined}
          className={inputClass}
        />
      </div>
      <div className="w-40">
        <label htmlFor={`${id}-masking`} className="block text-xs font-medium">
          自然人姓名
        </label>
        <select
          id={`${id}-masking`}
          name="personNameMasking"
          defaultValue={state.values?.personNameMasking ?? category.personNameMasking}
          aria-invalid={maskingError ? true : undefined}
          aria-describedby={maskingError ? `${id}-masking-error` : undefined}
          className={inputClass}
        >
          <option value="masked">部分隐藏（张*明）</option>
          <option value="full">显示全名</option>
        </select>
      </div>
      <div className="pt-5">
        <SubmitButton tone="secondary">保存</SubmitButton>
      </div>
      <div className="basis-full space-y-1 text-sm" aria-live="polite">
        {periodError && (
          <p id={`${id}-period-error`} className="text-brand">
            {periodError}
          </p>
        )}
        {maskingError && (
          <p id={`${id}-masking-error`} className="text-brand">
            {maskingError}
          </p>
        )}
        {!periodError && !maskingError && <FormMessage state={state} success="已保存。" />}
      </div>
    </form>
  );
}

const HANDLING_FIELDS: { name: keyof HandlingTimes; label: string; hint: string }[] = [
  { name: 'recommendationDays', label: '好人推荐核实（工作日）', hint: '推荐办理进度查询页显示' },
  { name: 'objectionDays', label: '异议申诉办理（工作日）', hint: '自受理之日起计算，进度查询页显示' },
  { name: 'repairDays', label: '信用修复办理（工作日）', hint: '自受理之日起计算，进度查询页显示' },
];

/** 办理时限 shown to citizens on the status pages. */
export function HandlingTimesForm({ times }: { times: HandlingTimes }) {
  const [state, action] = useActionState(updateHandlingTimes, {} as ActionState);
  return (
    <form action={action} aria-label="办理时限" className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {HANDLING_FIELDS.map((field) => (
        <TextField key={field.name} state={state} name={field.name} label={field.label} type="number" required hint={field.hint} defaultValue={String(times[field.name])} />
      ))}
      <div className="space-y-2 sm:col-span-3">
        <SubmitButton>保存办理时限</SubmitButton>
        <FormMessage state={state} success="办理时限已保存，进度查询页已更新。" />
      </div>
    </form>
  );
}

/** 敏感词表: a textarea, one word per line. */
export function SensitiveWordsForm({ words }: { words: string[] }) {
  const [state, action] = useActionState(updateSensitiveWords, {} as ActionState);
  return (
    <form action={action} aria-label="敏感词" className="space-y-3">
      <FieldShell id="field-words" label="敏感词表" hint="每行一个词（也可用逗号分隔），每个词不超过30个字；重复和空行自动去除。" error={state.fieldErrors?.words}>
        {(aria) => <textarea {...aria} name="words" rows={10} defaultValue={state.values?.words ?? words.join('\n')} className={inputClass} />}
      </FieldShell>
      <SubmitButton>保存敏感词</SubmitButton>
      <FormMessage state={state} success="敏感词已保存，此后提交的推荐、评论和异议将按新词表标记。" />
    </form>
  );
}
