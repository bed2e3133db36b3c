// npm run admin:create -- --username NAME [--name 显示名]: adds an administrator.
// The password comes from ADMIN_PASSWORD or, on a terminal, from a prompt that does not echo it.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { createAdmin } from '@/server/bootstrap';
import { runScript } from './run-script';

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

runScript(async () => {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } });
  if (!values.username) {
    console.error('Usage: npm run admin:create -- --username NAME [--name 显示名]   (password from ADMIN_PASSWORD or a prompt)');
    return 2;
  }
  let password = process.env.ADMIN_PASSWORD ?? '';
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('Set ADMIN_PASSWORD, or run this on a terminal to be asked for the password.');
      return 2;
    }
    password = await promptHidden('Password (12+ characters, not a common one, not containing the username): ');
  }
  const handle = await openDatabase();
  try {
    const user = await createAdmin(handle.db, { username: values.username, displayName: values.name ?? values.username, password }, '系统（命令行 admin:create）');
    console.log(`Administrator "${user.username}" created.`);
  } finally {
    await handle.close();
  }
});
