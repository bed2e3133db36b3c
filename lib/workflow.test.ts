import { describe, expect, it } from 'vitest';
import { approvalRefusal, availableActions, checkApproval, overrideNote, reviewRoleOf, transition } from './workflow';

describe('review workflow', () => {
  it('lets an editor submit a draft or a rejected item, but not publish', () => {
    expect(transition('draft', 'submit', 'editor')).toEqual({ ok: true, to: 'pending' });
    expect(transition('rejected', 'submit', 'editor')).toEqual({ ok: true, to: 'pending' });
    expect(transition('pending', 'approve', 'editor').ok).toBe(false);
    expect(transition('draft', 'forcePublish', 'editor', '急需').ok).toBe(false);
  });

  it('lets a reviewer approve or reject (with a reason) what is pending', () => {
    expect(transition('pending', 'approve', 'reviewer')).toEqual({ ok: true, to: 'published' });
    expect(transition('pending', 'reject', 'reviewer')).toMatchObject({ ok: false, message: expect.stringContaining('理由') });
    expect(transition('pending', 'reject', 'reviewer', '标题有误')).toEqual({ ok: true, to: 'rejected' });
    expect(transition('draft', 'approve', 'reviewer')).toMatchObject({ ok: false, message: expect.stringContaining('草稿') });
  });

  it('takes published items offline with a reason', () => {
    expect(transition('published', 'takeOffline', 'reviewer', '信息有误')).toEqual({ ok: true, to: 'offline' });
    expect(transition('published', 'takeOffline', 'editor', '信息有误').ok).toBe(false);
  });

  it('allows force-publishing only to admins and only with a written reason', () => {
    expect(transition('draft', 'forcePublish', 'reviewer', '紧急').ok).toBe(false);
    expect(transition('draft', 'forcePublish', 'admin').ok).toBe(false);
    expect(transition('draft', 'forcePublish', 'admin', '防汛紧急通知')).toEqual({ ok: true, to: 'published' });
  });

  it('lists the actions each role can take', () => {
    expect(availableActions('pending', 'editor')).toEqual([]);
    expect(availableActions('pending', 'reviewer')).toEqual(['approve', 'reject']);
    expect(availableActions('draft', 'admin')).toEqual(['submit', 'forcePublish']);
  });
});

describe('separation of duties (三审三校)', () => {
  const editor = { id: 1, role: 'editor' as const };
  const reviewer = { id: 2, role: 'reviewer' as const };
  const otherReviewer = { id: 3, role: 'reviewer' as const };
  const admin = { id: 4, role: 'admin' as const };

  it('names the part the actor played in the version under review', () => {
    expect(reviewRoleOf(2, { authorId: 2, lastEditorIds: [2], submitterId: 2 })).toBe('author');
    expect(reviewRoleOf(2, { authorId: 1, lastEditorIds: [5, 2], submitterId: 1 })).toBe('lastEditor');
    expect(reviewRoleOf(2, { authorId: 1, lastEditorIds: [1], submitterId: 2 })).toBe('submitter');
    expect(reviewRoleOf(2, { authorId: 1, lastEditorIds: [1, null], submitterId: 1 })).toBeNull();
    // Unknown parties (demo data, imports) refuse nobody.
    expect(reviewRoleOf(2, { authorId: null, lastEditorIds: [null, undefined], submitterId: null })).toBeNull();
    expect(reviewRoleOf(2, {})).toBeNull();
  });

  it("refuses the author's, the last editor's and the submitter's approval, with the reason in Chinese", () => {
    expect(checkApproval(reviewer, { authorId: 2 })).toEqual({ ok: false, message: expect.stringContaining('您是此内容的作者'), needsOverrideReason: false });
    expect(checkApproval(reviewer, { authorId: 1, lastEditorIds: [2] })).toMatchObject({ ok: false, message: expect.stringContaining('由您最后修改') });
    expect(checkApproval(reviewer, { authorId: 1, submitterId: 2 })).toMatchObject({ ok: false, message: expect.stringContaining('由您提交') });
    const refusal = approvalRefusal(reviewer, { authorId: 2 })!;
    expect(refusal).toContain('三审三校');
    expect(refusal).toContain('请由其他审核人员审核');
    // A reviewer cannot override, whatever reason they give.
    expect(checkApproval(reviewer, { authorId: 2 }, '急需发布')).toMatchObject({ ok: false, needsOverrideReason: false });
  });

  it('lets a reviewer who took no part approve', () => {
    expect(checkApproval(otherReviewer, { authorId: 1, lastEditorIds: [2], submitterId: 1 })).toEqual({ ok: true, override: null });
    expect(approvalRefusal(otherReviewer, { authorId: 1, lastEditorIds: [2], submitterId: 1 })).toBeNull();
    expect(checkApproval(editor, { authorId: 9 })).toEqual({ ok: true, override: null }); // the role check is transition()'s
  });

  it('lets an admin override only with a written reason, kept as a note', () => {
    expect(approvalRefusal(admin, { authorId: 4 })).toContain('越权审核理由');
    expect(checkApproval(admin, { authorId: 4 })).toMatchObject({ ok: false, needsOverrideReason: true });
    expect(checkApproval(admin, { authorId: 4 }, '   ')).toMatchObject({ ok: false, needsOverrideReason: true });
    const passed = checkApproval(admin, { submitterId: 4 }, ' 夜间防汛紧急通知，无其他审核人员在岗 ');
    expect(passed).toEqual({ ok: true, override: { reason: '夜间防汛紧急通知，无其他审核人员在岗', role: 'submitter' } });
    if (passed.ok && passed.override) expect(overrideNote(passed.override)).toBe('越权审核（此次审核由您提交）：夜间防汛紧急通知，无其他审核人员在岗');
    // An admin who took no part needs no reason.
    expect(checkApproval(admin, { authorId: 1 })).toEqual({ ok: true, override: null });
  });
});
