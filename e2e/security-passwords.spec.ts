// Issue 15: weak passwords (password12, aaaaaaaaa1) were accepted. The administrator creating a user
// and a user changing their own password see why a password is refused, in Chinese, next to the field,
// and the form keeps what they typed.
import { expect, test } from '@playwright/test';
import { ADMIN, createUser, signedInPage, uniqueName } from './fixtures';

test('weak passwords are refused next to the field when a user is created and when one changes their own', async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  await admin.goto('/admin/users');
  const form = admin.getByRole('region', { name: '新建用户' });
  const username = uniqueName('pw');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('姓名').fill('口令测试');
  const password = form.getByLabel('初始密码');
  await expect(password).toHaveAccessibleDescription(/至少12位/);
  for (const [weak, message] of [
    ['password12', '密码至少12位'],
    ['aaaaaaaaaaa1', '密码太容易被猜中'],
    [`${username}-Lantern-4729`, '密码不能包含用户名'],
  ]) {
    await password.fill(weak!);
    await form.getByRole('button', { name: '新建用户' }).click();
    await expect(password).toHaveAccessibleDescription(new RegExp(message!));
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('用户名')).toHaveValue(username);
  }
  await expect(admin.getByRole('article', { name: username })).toHaveCount(0);

  // The new user, with a good password, then tries to change theirs to a weak one.
  await createUser(admin, { username, displayName: '口令测试', role: '编辑', password: 'Lantern-river-4729' });
  const editor = await signedInPage(browser, username, 'Lantern-river-4729');
  await editor.goto('/admin/account');
  const fresh = editor.locator('#field-password');
  await editor.getByLabel('当前密码').fill('Lantern-river-4729');
  await fresh.fill('password1234');
  await editor.getByLabel('确认新密码').fill('password1234');
  await editor.getByRole('button', { name: '修改密码' }).click();
  await expect(fresh).toHaveAccessibleDescription(/密码太容易被猜中/);
  await editor.getByLabel('当前密码').fill('Lantern-river-4729');
  await fresh.fill(`${username}-Willow-8153`);
  await editor.getByLabel('确认新密码').fill(`${username}-Willow-8153`);
  await editor.getByRole('button', { name: '修改密码' }).click();
  await expect(fresh).toHaveAccessibleDescription(/密码不能包含用户名/);
});
