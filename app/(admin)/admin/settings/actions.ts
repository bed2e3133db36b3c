'use server';

import { revalidatePath } from 'next/cache';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { z } from 'zod';
import { findCreditCategory, updateCreditCategory } from '@/db/queries/credit-categories';
import { periodRuleError, PERIOD_MAX_MONTHS, PERIOD_MIN_MONTHS } from '@/lib/periods';
import { getSetting, putSetting } from '@/db/queries/settings';
import { parseWordList } from '@/lib/sensitive-words';
import { nameMasking } from '@/db/schema';
import { guardedAction } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';

const text = (label: string, max: number, required = false) => {
  const base = z.string({ error: `请填写${label}` }).trim();
  return (required ? base.min(1, `请填写${label}`) : base).max(max, `${label}不能超过${max}个字`);
};

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const siteInfoForm = z.object({
  siteName: text('网站名称', 40, true),
  city: text('城市', 20, true),
  organizer: text('主办单位', 60),
  contact: text('联系方式', 100),
  siteCode: text('网站标识码', 20).regex(/^[0-9A-Za-z]*$/, '网站标识码只能由数字和字母组成'),
  icp: text('ICP备案号', 40),
  publicSecurity: text('公网安备号', 40),
  errorReportUrl: text('找错链接', 200).refine((v) => v === '' || isHttpsUrl(v), '请填写以 https:// 开头的完整网址，或留空'),
});

export const updateSiteInfo = guardedAction('settings.manage', siteInfoForm, async (input, { db, user }) => {
  const before = await getSetting(db, 'siteInfo');
  const diff = changedFields(before, input);
  if (Object.keys(diff.after).length === 0) return { ok: true };
  // The change and its audit entry stand or fall together: no unlogged mutation.
  await db.transaction(async (tx) => {
    await putSetting(tx, 'siteInfo', input);
    await recordAudit(tx, user, { action: 'settings.update', entityType: 'setting', entityId: 'siteInfo', ...diff });
  });
  // The footer and the site name are on every page.
  revalidatePath('/', 'layout');
  await invalidate(TAGS.settings);
});

const periodMessage = `公示期限须为${PERIOD_MIN_MONTHS}-${PERIOD_MAX_MONTHS}之间的整数（月）`;

const creditCategoryForm = z.object({
  id: z.coerce.number().int().positive(),
  periodMonths: z.coerce.number({ error: periodMessage }).int(periodMessage).min(PERIOD_MIN_MONTHS, periodMessage).max(PERIOD_MAX_MONTHS, periodMessage),
  personNameMasking: z.enum(nameMasking.enumValues, { error: '请选择自然人姓名的显示方式' }),
});

export const updateCreditCategorySettings = guardedAction('settings.manage', creditCategoryForm, async (input, { db, user }) => {
  const category = await findCreditCategory(db, input.id);
  if (!category) return { message: '该类别不存在，请刷新页面后重试。' };
  const refused = periodRuleError(category.name, input.periodMonths);
  if (refused) return { fieldErrors: { periodMonths: refused }, message: '请按提示修改标出的项目。', values: { periodMonths: String(input.periodMonths), personNameMasking: input.personNameMasking } };

  const changed = await db.transaction(async (tx) => {
    const result = await updateCreditCategory(tx, input.id, { periodMonths: input.periodMonths, personNameMasking: input.personNameMasking });
    if (!result) return false;
    const diff = changedFields(result.before, result.after);
    if (Object.keys(diff.after).length === 0) return false;
    await recordAudit(tx, user, { action: 'credit_category.update', entityType: 'credit_category', entityId: input.id, ...diff, note: `category ${result.name}` });
    return true;
  });
  // Masking applies to every public page listing the category's entries at once; periods only to new entries.
  if (changed) {
    revalidatePath('/', 'layout');
    await invalidate(TAGS.settings);
  }
});

const days = (label: string) => {
  const message = `${label}须为1-90之间的整数（工作日）`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(90, message);
};

const handlingTimesForm = z.object({
  recommendationDays: days('推荐核实时限'),
  objectionDays: days('异议申诉办理时限'),
  repairDays: days('信用修复办理时限'),
});

/** 办理时限: what the citizens' status pages say about how long handling takes. */
export const updateHandlingTimes = guardedAction('settings.manage', handlingTimesForm, async (input, { db, user }) => {
  const before = await getSetting(db, 'handlingTimes');
  const diff = changedFields(before, input);
  if (Object.keys(diff.after).length === 0) return { ok: true };
  await db.transaction(async (tx) => {
    await putSetting(tx, 'handlingTimes', input);
    await recordAudit(tx, user, { action: 'settings.update', entityType: 'setting', entityId: 'handlingTimes', ...diff });
  });
  revalidatePath('/', 'layout');
  await invalidate(TAGS.settings);
});

const sensitiveWordsForm = z.object({
  words: z
    .string()
    .max(100_000, '词表过长，请删减后再保存')
    .transform(parseWordList)
    .superRefine((words, ctx) => {
      const long = words.find((w) => Array.from(w).length > 30);
      if (long) ctx.addIssue({ code: 'custom', message: `“${long.slice(0, 10)}…”过长：每个敏感词不超过30个字` });
      else if (words.length > 5000) ctx.addIssue({ code: 'custom', message: `最多5000个敏感词，目前${words.length}个` });
    }),
});

/** 敏感词: one word per line (commas also separate); they flag citizens' submissions for moderators. */
export const updateSensitiveWords = guardedAction('settings.manage', sensitiveWordsForm, async (input, { db, user }) => {
  const before = await getSetting(db, 'sensitiveWords');
  if (JSON.stringify(before) === JSON.stringify(input.words)) return { ok: true };
  const added = input.words.filter((w) => !before.includes(w));
  const removed = before.filter((w) => !input.words.includes(w));
  await db.transaction(async (tx) => {
    await putSetting(tx, 'sensitiveWords', input.words);
    await recordAudit(tx, user, {
      action: 'settings.update',
      entityType: 'setting',
      entityId: 'sensitiveWords',
      before: { sensitiveWords: before },
      after: { sensitiveWords: input.words },
      note: `敏感词 ${input.words.length} 个（新增 ${added.length}，删除 ${removed.length}）`,
    });
  });
  // The count and the saved list on the settings page.
  revalidatePath('/admin/settings');
});
