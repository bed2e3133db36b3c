import { describe, expect, it } from 'vitest';
import { availableActions, transition } from './workflow';

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
