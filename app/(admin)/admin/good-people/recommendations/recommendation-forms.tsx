'use client';

// 采纳 (into a batch, optionally with the first photo) and 不予采纳 (with a reason) for one recommendation.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, inputClass, SubmitButton } from '../../../../_components/form-fields';
import { PiiMaskOption } from '../../../../_components/pii-mask-option';
import { acceptPeopleRecommendation, rejectPeopleRecommendation } from './actions';

type Props = { id: number; nominee: string; hasPhoto: boolean; batches: { id: number; title: string }[]; thisMonthLabel: string | null; thisMonthId: number | null };

export function RecommendationForms({ id, nominee, hasPhoto, batches, thisMonthLabel, thisMonthId }: Props) {
  const [accepted, accept] = useActionState(acceptPeopleRecommendation, {} as ActionState);
  const [rejected, reject] = useActionState(rejectPeopleRecommendation, {} as ActionState);
  const others = batches.filter((b) => b.id !== thisMonthId);
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <form action={accept} aria-label={`采纳对${nominee}的推荐`} className="space-y-2 rounded border border-line p-3">
        <input type="hidden" name="id" value={id} />
        <FieldShell id={`accept-${id}-batch`} label="加入榜单" error={accepted.fieldErrors?.batchId}>
          {(aria) => (
            <select {...aria} name="batchId" defaultValue={accepted.values?.batchId ?? (thisMonthLabel ? '' : String(others[0]?.id ?? ''))} className={inputClass}>
              {thisMonthLabel && <option value="">{thisMonthLabel}</option>}
              {others.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {hasPhoto && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="usePhoto" defaultChecked className="h-4 w-4" />
            使用第一张照片（放入媒体库作为人物照片）
          </label>
        )}
        <PiiMaskOption state={accepted} label="打码后采纳" />
        <SubmitButton pendingText="处理中…">采纳</SubmitButton>
        <FormMessage state={accepted} />
      </form>
      <form action={reject} aria-label={`不予采纳对${nominee}的推荐`} className="space-y-2 rounded border border-line p-3">
        <input type="hidden" name="id" value={id} />
        <FieldShell id={`reject-${id}-reason`} label="不予采纳的理由" required hint="推荐人凭回执号查询时会看到" error={rejected.fieldErrors?.reason}>
          {(aria) => <textarea {...aria} name="reason" rows={2} required maxLength={200} defaultValue={rejected.values?.reason} className={inputClass} />}
        </FieldShell>
        <SubmitButton tone="danger" pendingText="处理中…">
          不予采纳
        </SubmitButton>
        <FormMessage state={rejected} success="已不予采纳。" />
      </form>
    </div>
  );
}
