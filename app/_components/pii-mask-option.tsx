// Shown under a staff form that the server refused for personal numbers (ActionState.piiFields): the
// editor removes the numbers, or ticks the box and sends the form again, and the server saves the
// marked fields masked (server/actions.ts, maskPii=1). Plain markup: works without JavaScript.
import type { ActionState } from '@/server/actions';

export function PiiMaskOption({ state, label = '自动打码后保存' }: { state: ActionState; label?: string }) {
  if (!state.piiFields?.length) return null;
  return (
    <div role="group" aria-label="个人信息打码" className="space-y-2 rounded border border-brand bg-brand-soft p-3 text-sm">
      <p>提交的内容含有身份证号、手机号或银行卡号，这些个人信息不得公开。请删除这些号码；确需保留的，可勾选下面一项后再次提交，系统将打码后保存。</p>
      <label className="flex items-start gap-2 font-medium">
        <input type="checkbox" name="maskPii" value="1" className="mt-1" />
        <span>
          {label}（身份证号只保留前6位和后4位，手机号只保留前3位和后4位，银行卡号只保留后4位）
        </span>
      </label>
    </div>
  );
}
