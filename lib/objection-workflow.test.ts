import { describe, expect, it } from 'vitest';
import { availableObjectionActions, transitionObjection } from './objection-workflow';

describe('objection workflow', () => {
  it('walks 待审核 -> 待核实 -> 已通过 -> 已完成', () => {
    expect(transitionObjection('submitted', 'accept', 'editor')).toEqual({ ok: true, to: 'verifying' });
    expect(transitionObjection('verifying', 'pass', 'reviewer', '材料属实')).toEqual({ ok: true, to: 'passed' });
    expect(transitionObjection('passed', 'complete', 'reviewer', '已移出', 'remove')).toEqual({ ok: true, to: 'completed' });
  });

  it('walks 待核实 -> 未通过 -> 已完成 without touching the entry', () => {
    expect(transitionObjection('verifying', 'fail', 'admin', '证据不足')).toEqual({ ok: true, to: 'failed' });
    expect(transitionObjection('failed', 'complete', 'admin', '维持原决定')).toEqual({ ok: true, to: 'completed' });
    const withOutcome = transitionObjection('failed', 'complete', 'admin', '维持原决定', 'remove');
    expect(withOutcome.ok).toBe(false);
  });

  it('refuses steps out of order, naming the current status', () => {
    const skipped = transitionObjection('submitted', 'pass', 'reviewer', '通过');
    expect(skipped).toEqual({ ok: false, message: expect.stringContaining('当前状态为“待审核”') });
    expect(transitionObjection('completed', 'complete', 'admin', 'x', 'remove').ok).toBe(false);
    expect(transitionObjection('passed', 'accept', 'admin').ok).toBe(false);
  });

  it('keeps decisions with reviewers and asks for a note', () => {
    expect(transitionObjection('verifying', 'pass', 'editor', '通过')).toEqual({ ok: false, message: expect.stringContaining('您的角色不能执行“核实通过”') });
    expect(transitionObjection('verifying', 'fail', 'reviewer', '  ')).toEqual({ ok: false, message: expect.stringContaining('须填写处理意见') });
    expect(transitionObjection('passed', 'complete', 'reviewer', '完成')).toEqual({ ok: false, message: expect.stringContaining('须选择处理结果') });
  });

  it('lists only the actions a role can take', () => {
    expect(availableObjectionActions('submitted', 'editor')).toEqual(['accept']);
    expect(availableObjectionActions('verifying', 'editor')).toEqual([]);
    expect(availableObjectionActions('verifying', 'reviewer')).toEqual(['pass', 'fail']);
    expect(availableObjectionActions('passed', 'admin')).toEqual(['complete']);
    expect(availableObjectionActions('completed', 'admin')).toEqual([]);
  });
});
