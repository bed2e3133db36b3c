// An exclusive, PID-holding lock file for the PGlite data directory.
// PGlite does not guard its folder: two writers both "succeed" while committed rows vanish.
import fs from 'node:fs';
import path from 'node:path';

interface LockInfo {
  pid: number;
  /** Process start time from /proc (Linux), so a reused PID is not mistaken for the holder. */
  startTime: string | null;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory is in use by process ${holder.pid} (${holder.command}) since ${holder.since}. ` +
        `PGlite allows one process per folder: stop that process first (for example the running server), ` +
        `or point DATABASE_URL at a PostgreSQL server to run several. Lock file: ${lockPath}`,
    );
    this.name = 'DataDirLockedError';
  }
}

function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may contain spaces, so count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStartTime(info.pid);
  return info.startTime === null || start === null || start === info.startTime;
}

function readLock(lockPath: string): { raw: string; info: LockInfo | null } | null {
  let raw: string;
  try {
    raw = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return { raw, info: JSON.parse(raw) as LockInfo };
  } catch {
    return { raw, info: null };
  }
}

/**
 * Removes a stale lock, but only while holding a second, exclusive "takeover" file: without it, two
 * processes that both judged the same lock stale could each remove it, and the slower one would delete
 * the faster one's fresh lock. Under the takeover file the lock is re-read and removed only if unchanged.
 */
function removeStaleLock(lockPath: string, staleRaw: string): void {
  const takeover = `${lockPath}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(takeover, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over right now; a takeover file left by a killed process expires.
    const age = Date.now() - (fs.statSync(takeover, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 10_000) fs.rmSync(takeover, { force: true });
    return;
  }
  try {
    if (readLock(lockPath)?.raw === staleRaw) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.closeSync(fd);
    fs.rmSync(takeover, { force: true });
  }
}

/** Takes the lock or throws DataDirLockedError naming the holder. Returns the release function. */
export function acquireDirLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    command: process.argv.slice(1).join(' ').slice(0, 200) || 'node',
    since: new Date().toISOString(),
  };
  const content = JSON.stringify(mine);

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, content);
      fs.closeSync(fd);
      const release = () => {
        const current = readLock(lockPath);
        if (current?.raw === content) fs.rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readLock(lockPath);
    if (!existing) continue;
    // A half-written lock (info null) is only stale once it is old enough that its writer is gone.
    if (existing.info === null) {
      const age = Date.now() - fs.statSync(lockPath).mtimeMs;
      if (age < 2000) throw new DataDirLockedError(lockPath, { pid: 0, startTime: null, command: 'unknown', since: 'now' });
    } else if (isAlive(existing.info)) {
      throw new DataDirLockedError(lockPath, existing.info);
    }
    removeStaleLock(lockPath, existing.raw);
  }
  throw new Error(`Could not take the data directory lock ${lockPath} after several attempts`);
}
