// PGlite does not guard its folder; these tests prove that ours does (run on the PGlite project only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { DataDirLockedError, acquireDirLock } from '@/db/lock';
import { newsChannels } from '@/db/schema';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data directory lock', () => {
  it('refuses a second opener while the first holds the folder, and loses nothing committed', async () => {
    const dir = path.join(tempDir(), 'pglite');
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/integration/fixtures/lock-holder.ts'), dir, '50'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        acknowledged += (chunk.match(/committed \d+/g) ?? []).length;
        if (chunk.includes('holding')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`lock holder exited early with ${code}`)));
    });
    expect(acknowledged).toBe(50);

    const refused = await openDatabase({ pgliteDir: dir }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).holder.pid).toBe(child.pid);
    expect((refused as Error).message).toContain(`process ${child.pid}`);

    // The worst case for the holder: killed without closing. Its lock is then stale and its rows stay.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const reopened = await openDatabase({ pgliteDir: dir });
    const [row] = await reopened.db.select({ n: count() }).from(newsChannels);
    expect(row?.n).toBe(50);
    await reopened.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  }, 120_000);

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, startTime: null, command: 'gone', since: '2026-01-01' }));
    const release = acquireDirLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('treats a reused PID (same number, other process start time) as stale', () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.pid, startTime: '1', command: 'old', since: '2026-01-01' }));
    const release = acquireDirLock(dir);
    release();
  });

  it('refuses a second lock in the same process', () => {
    const dir = path.join(tempDir(), 'pglite');
    const release = acquireDirLock(dir);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    release();
  });

  it('builds a new database in a side folder so an interrupted creation leaves nothing half-made', async () => {
    const dir = path.join(tempDir(), 'pglite');
    fs.mkdirSync(`${dir}.creating`, { recursive: true });
    fs.writeFileSync(`${dir}.creating/garbage`, 'left by a killed first start');
    const handle = await openDatabase({ pgliteDir: dir });
    const [row] = await handle.db.select({ n: count() }).from(newsChannels);
    expect(row?.n).toBe(0);
    await handle.close();
    expect(fs.existsSync(`${dir}.creating`)).toBe(false);
  }, 60_000);
});
