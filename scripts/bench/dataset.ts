// npm run bench: the database under test (the scale data set, or the demo data with --small), the
// bench administrator, and concrete URLs picked from the data.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { asc, count, desc, isNotNull } from 'drizzle-orm';
import { openDatabase, type Db, type DbHandle, type Engine } from '@/db/client';
import { listPublicCredit, lookupPublicCredit } from '@/db/queries/credit';
import { listHeadlineNews, newsPath } from '@/db/queries/news';
import { findLatestPublicBatch, listPublicPeopleOfBatch } from '@/db/queries/people';
import { findUserForSignIn, updateUser } from '@/db/queries/users';
import { isDatabaseEmpty, seedDemo } from '@/db/seed/demo';
import { isAtScale } from '@/db/seed/scale';
import { issues } from '@/db/schema';
import { recordAudit } from '@/server/audit';
import { createAdmin } from '@/server/bootstrap';
import { hashPassword } from '@/server/passwords';
import { root } from '@/scripts/build-state';

export type Scale = 'large' | 'demo';

/**
 * Signs in for the admin list pages. Its password is new on every run and never written down, so the
 * account is useless to anyone else even if the bench was pointed at a database that matters.
 */
export const BENCH_ADMIN = { username: 'bench-admin', password: `Bench${crypto.randomBytes(18).toString('base64url')}9` };

export interface Dataset {
  engine: Engine;
  scale: Scale;
  /** DATA_DIR or DATABASE_URL for the server. */
  env: Record<string, string>;
  /** Where the data lives, without credentials. */
  location: string;
  articlePath: string;
  profilePath: string;
  /** A 3-character fragment of a listed organisation's name. */
  creditFragment: string;
  /** The public page of the unit with the most ledger items (the heaviest figures). */
  unitPath: string;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/** PostgreSQL when DATABASE_URL is set, else PGlite in a reusable folder outside the repository. */
export function datasetEnv(scale: Scale): { env: Record<string, string>; location: string } {
  const url = process.env.DATABASE_URL;
  if (url) return { env: { DATABASE_URL: url }, location: redactUrl(url) };
  const dir = path.resolve(process.env.BENCH_DATA_DIR || path.join(os.tmpdir(), scale === 'large' ? 'civic-portal-bench' : 'civic-portal-bench-demo'));
  return { env: { DATA_DIR: dir }, location: dir };
}

function open(env: Record<string, string>): Promise<DbHandle> {
  return openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: path.join(env.DATA_DIR!, 'pglite') });
}

async function withDatabase<T>(env: Record<string, string>, work: (db: Db, engine: Engine) => Promise<T>): Promise<T> {
  const handle = await open(env);
  try {
    return await work(handle.db, handle.engine);
  } finally {
    await handle.close();
  }
}

/** The data set at the wanted scale: generated once (minutes) and reused by later runs. */
async function ensureData(scale: Scale, env: Record<string, string>): Promise<void> {
  if (scale === 'demo') {
    await withDatabase(env, async (db) => {
      if (!(await isDatabaseEmpty(db))) return;
      console.log('Writing the demo data...');
      await seedDemo(db);
    });
    return;
  }
  if (await withDatabase(env, (db) => isAtScale(db))) return;
  console.log('The scale data set is not there yet: generating it (a one-off of several minutes)...');
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--scale', 'large'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (seed.status !== 0) throw new Error('Generating the scale data set failed (scripts/seed.ts --scale large); see its output above.');
  if (!(await withDatabase(env, (db) => isAtScale(db)))) throw new Error('scripts/seed.ts --scale large finished, but isAtScale() still says the data is not at scale.');
}

/** The name part of an organisation, after its city or district prefix: 江城市恒丰商贸有限公司 -> 恒丰商. */
function nameFragment(name: string): string {
  const chars = Array.from(name);
  const prefix = chars.findIndex((c, i) => i >= 1 && i <= 3 && /[市区县]/.test(c));
  return chars.slice(prefix + 1, prefix + 4).join('');
}

async function busiestUnitPath(db: Db): Promise<string> {
  const [unit] = await db
    .select({ id: issues.unitId })
    .from(issues)
    .where(isNotNull(issues.unitId))
    .groupBy(issues.unitId)
    .orderBy(desc(count()), asc(issues.unitId))
    .limit(1);
  if (!unit) throw new Error('The bench database has no ledger item assigned to a unit');
  return `/units/${unit.id}`;
}

async function pickUrls(db: Db): Promise<Pick<Dataset, 'articlePath' | 'profilePath' | 'creditFragment' | 'unitPath'>> {
  const [article] = await listHeadlineNews(db, 1);
  if (!article) throw new Error('The bench database has no published article');
  const batch = await findLatestPublicBatch(db);
  const [person] = batch ? await listPublicPeopleOfBatch(db, batch.id, 1) : [];
  if (!person) throw new Error('The bench database has no published 好人榜 batch with people');
  const { rows } = await listPublicCredit(db, { list: 'black', pageSize: 100 });
  for (const row of rows) {
    if (row.subjectKind === '自然人') continue;
    const fragment = nameFragment(row.name);
    if (Array.from(fragment).length === 3 && (await lookupPublicCredit(db, { fragment }, 1, 1)).total > 0) {
      return { articlePath: newsPath(article), profilePath: `/good-people/${person.id}`, creditFragment: fragment, unitPath: await busiestUnitPath(db) };
    }
  }
  throw new Error('No listed organisation on the black list to take a name fragment from');
}

async function ensureBenchAdmin(db: Db): Promise<void> {
  const existing = await findUserForSignIn(db, BENCH_ADMIN.username);
  if (!existing) {
    await createAdmin(db, { ...BENCH_ADMIN, displayName: '性能测试管理员' }, 'npm run bench');
    return;
  }
  await updateUser(db, existing.id, { role: 'admin', disabled: false, passwordHash: await hashPassword(BENCH_ADMIN.password) }, { endSessions: true });
  await recordAudit(db, null, { action: 'user.password_reset', entityType: 'user', entityId: existing.id, actorName: 'npm run bench', ip: null });
}

export async function prepareDataset(scale: Scale): Promise<Dataset> {
  const { env, location } = datasetEnv(scale);
  console.log(`Database: ${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} at ${location} (${scale === 'large' ? 'scale data set' : 'demo data'})`);
  await ensureData(scale, env);
  return withDatabase(env, async (db, engine) => {
    await ensureBenchAdmin(db);
    return { engine, scale, env, location, ...(await pickUrls(db)) };
  });
}
