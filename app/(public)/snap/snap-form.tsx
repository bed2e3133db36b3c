'use client';
// 随手拍, step 2: what and where, photos, who. Category and area were chosen in step 1 (a plain GET form on
// the page), so the open items of that category in that area could be shown first with 我也遇到. Once
// saved, the receipt number replaces the form.
import { Link } from '@/app/_components/page-link';
import { useActionState } from 'react';
import { reportAction, type ReportState } from './actions';
import { useClientText } from '@/app/_components/client-text';
import { CopyButton } from '@/app/_components/copy-link-button';
import { FieldShell, FilePicker, FormMessage, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { LocationField } from './location-field';
import { MAX_REPORT_PHOTOS } from '@/lib/ledger-input';

export function SnapForm({ categoryId, categoryName, area }: { categoryId: number; categoryName: string; area: string }) {
  const [state, action] = useActionState<ReportState, FormData>(reportAction, {});
  const t = useClientText();
  if (state.ok && state.receiptNo) {
    return (
      <section aria-labelledby="receipt-heading" className="space-y-3 rounded-lg border border-green-700 bg-green-50 p-4 sm:p-6">
        <h2 id="receipt-heading" className="text-lg font-bold text-green-800">
          {t('问题已提交')}
        </h2>
        <p>
          {t('您的回执号：')}
          {/* One piece: a receipt number must never break at its hyphens. */}
          <strong className="ml-1 whitespace-nowrap font-mono text-2xl tracking-wider" data-testid="receipt-no">
            {state.receiptNo}
          </strong>
        </p>
        <CopyButton text={state.receiptNo} label="复制回执号" copied="回执号已复制" />
        <p>{t('请记下回执号。工作人员审核受理后，问题会进入公开的问题整改台账；凭回执号和您的电话可以查询办理进度、看到只告诉您本人的说明，并在办结后评价。')}</p>
        <p>
          <Link href={`/snap/status?no=${encodeURIComponent(state.receiptNo)}`} className="text-brand underline">
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
      <input type="hidden" name="categoryId" value={categoryId} />
      <input type="hidden" name="area" value={area} />
      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-bold">{t('问题情况')}</legend>
        <p className="text-sm">
          {t('问题类别：')}
          <strong>{categoryName}</strong>
          <span className="mx-2 text-muted">|</span>
          {t('所在片区：')}
          <strong>{area}</strong>
        </p>
        {(state.fieldErrors?.categoryId || state.fieldErrors?.area) && (
          <p className="text-sm text-brand">
            {t(state.fieldErrors.categoryId ?? state.fieldErrors.area ?? '')}
          </p>
        )}
        <TextAreaField state={state} name="description" label="问题描述" required rows={5} maxLength={2000} hint="说清楚看到了什么问题，10至1000个字。请描述现场情况，不要写他人的姓名、电话、身份证号" />
        <TextField state={state} name="address" label="详细地点" required hint="如：建设路与解放路交叉口东北角公交站旁，4至100个字" />
        <LocationField key={`${v.lat ?? ''},${v.lng ?? ''}`} defaultValue={v.lat && v.lng ? { lat: v.lat, lng: v.lng } : undefined} error={state.fieldErrors?.lat ?? state.fieldErrors?.lng} />
        <FieldShell id="field-photos" label="现场照片" hint={`选填，最多${MAX_REPORT_PHOTOS}张，每张不超过5MB（JPEG、PNG、WebP、GIF）。原图只有工作人员能看到；公开的是工作人员处理（遮挡人脸、车牌）后的照片。如提交未成功，需要重新选择照片。`} error={state.fieldErrors?.photos}>
          {(aria) => <FilePicker aria={aria} name="photos" multiple accept="image/*" buttonText="选择照片" />}
        </FieldShell>
      </fieldset>
      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-bold">{t('反映人')}</legend>
        <TextField state={state} name="reporterName" label="姓名" hint="选填，2至20个字" autoComplete="name" />
        <FieldShell id="field-reporterNamePublic" label="是否公开姓名" error={state.fieldErrors?.reporterNamePublic}>
          {(aria) => (
            <label className="mt-1 flex items-start gap-2">
              <input {...aria} type="checkbox" name="reporterNamePublic" defaultChecked={v.reporterNamePublic === 'on'} className="mt-1 size-4" />
              <span>{t('同意在公开台账上显示我的姓名（不勾选则不公开）')}</span>
            </label>
          )}
        </FieldShell>
        <TextField state={state} name="reporterPhone" label="联系电话" type="tel" required hint="只供工作人员联系核实和您查询进度，不会公开" autoComplete="tel" />
      </fieldset>
      <SubmitButton>提交问题</SubmitButton>
      <p className="text-xs text-muted">{t('提交即表示您确认所反映情况属实。请勿上传拍到他人面部、车牌等个人信息的照片；如无法避免，工作人员会在公开前遮挡。')}</p>
    </form>
  );
}
