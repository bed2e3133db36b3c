import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordSchema } from './passwords';

describe('the password rule', () => {
  it('refuses short, common and patterned passwords (issue 15: password12 and aaaaaaaaa1 were accepted)', () => {
    for (const weak of ['password12', 'aaaaaaaaa1', 'password1234', 'aaaaaaaaaaa1', 'qwertyuiop12', '1234567890ab', 'iloveyou1234', 'p@ssw0rd2026', 'Passw0rd!2026', 'abcdefghijk1']) {
      expect(passwordProblem(weak), weak).not.toBeNull();
      expect(passwordSchema.safeParse(weak).success, weak).toBe(false);
    }
    expect(passwordProblem('Short-1x')).toBe('密码至少12位');
    expect(passwordProblem('x'.repeat(129))).toBe('密码不能超过128位');
  });

  it('refuses a password containing the username, or built from the name', () => {
    expect(passwordProblem('xiaowang-Lantern-4729', { username: 'xiaowang' })).toBe('密码不能包含用户名');
    expect(passwordProblem('XIAOWANG-river-4729', { username: 'xiaowang' })).toBe('密码不能包含用户名');
    expect(passwordProblem('wangxiaoming2026', { username: 'editor1', displayName: 'wangxiaoming' })).not.toBeNull();
    // The e2e administrator once had this one: its username in other letter case.
    expect(passwordProblem('e2e-Admin-2026', { username: 'e2e-admin' })).toBe('密码不能包含用户名');
  });

  it('accepts long passwords that are hard to guess', () => {
    for (const strong of ['Lantern-river-4729', 'correct horse battery staple', '江城文明网-编辑部-2026春']) {
      expect(passwordProblem(strong, { username: 'xiaowang', displayName: '王小明' }), strong).toBeNull();
      expect(passwordSchema.safeParse(strong).success, strong).toBe(true);
    }
  });
});
