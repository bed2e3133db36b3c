// The scale data set (`npm run db:seed -- --scale large`): 100,000 articles, 50,000 good people and
// 1,000,000 credit entries on top of the demo data, for benchmarks and query plans. Rows are made in JS
// (db/seed/scale-rows.ts) and written in large batches through INSERT ... SELECT FROM unnest(...), with
// the tables' secondary indexes dropped during the load and rebuilt afterwards, then VACUUM ANALYZE.
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Engine } from '../client';
import { creditBatches, creditCategories, goodPeopleBatches, issueCategories, issues, newsChannels, siteSettings, units } from '../schema';
import { loadCalendar } from '../queries/ledger/deadlines';
import { formatIssueNo, parseIssueNo } from '../../lib/ledger-number';
import { EVENT_COLUMNS, ISSUE_COLUMNS, ledgerScaleRows } from './scale-ledger';
import { addDays, addMonths, cityDay } from '../../lib/dates';
import type { CreditCategoryName } from './content/credit';
import type { ChannelSlug } from './content/news-titles';
import { at } from './common';
import { isDatabaseEmpty, seedDemo } from './demo';
import { createRng, type Rng } from './random';
import {
  ARTICLE_COLUMNS,
  articleRows,
  batchDays,
  CREDIT_COLUMNS,
  creditRows,
  PEOPLE_COLUMNS,
  peopleRows,
  type Columns,
  type ScaleBatch,
  type ScaleCategory,
} from './scale-rows';

export type ScaleSizes = { articles: number; people: number; credit: number; issues: number };
export const SCALES = {
  large: { articles: 100_000, people: 50_000, credit: 1_000_000, issues: 200_000 },
  // The ledger's share of the large set alone (its 200,000 items and their events), for measuring /ledger and /units.
  ledger: { articles: 0, people: 0, credit: 0, issues: 200_000 },
} satisfies Record<string, ScaleSizes>;
export type ScaleName = keyof typeof SCALES;

/** site_settings row that records the load: 'loading' while it runs, 'complete' once indexes and statistics are done. */
const MARKER_KEY = 'scaleDataset';
type Marker = { state: 'loading' | 'complete'; sizes: ScaleSizes; today: string; startedAt: string; finishedAt?: string };

const TABLES = ['news_articles', 'good_people', 'credit_entries', 'issues', 'issue_events'] as const;

/** Thrown when the database cannot take the scale set; the message says what to do. */
export class ScaleRefusedError extends Error {}

async function readMarker(db: Db): Promise<Marker | null> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, MARKER_KEY));
  return (row?.value as Marker | undefined) ?? null;
}

async function writeMarker(db: Db, marker: Marker): Promise<void> {
  await db
    .insert(siteSettings)
    .values({ key: MARKER_KEY, value: marker })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value: marker, updatedAt: new Date() } });
}

/** True once a scale load has finished on this database (one primary-key lookup). */
export async function isAtScale(db: Db): Promise<boolean> {
  return (await readMarker(db))?.state === 'complete';
}

// ------------------------------------------------------------------------------------- raw access

type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
type PoolLike = RawClient & { connect(): Promise<RawClient & { release(): void }> };

/** The driver under drizzle (PGlite or a node-postgres Pool): bulk statements skip drizzle's row mapping. */
function rawClient(db: Db): RawClient {
  return (db as unknown as { $client: RawClient }).$client;
}

/** Runs fn on one session (a pooled connection on PostgreSQL, the one PGlite connection otherwise). */
async function withSession<T>(db: Db, engine: Engine, fn: (session: RawClient) => Promise<T>): Promise<T> {
  if (engine !== 'postgres') return fn(rawClient(db));
  const conn = await (rawClient(db) as PoolLike).connect();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}

/** SQL types of the columns that are not text; every column travels as a text[] parameter and is cast. */
const CASTS: Record<string, string> = {
  channel_id: 'int',
  tags: 'text[]',
  status: '', // per table, below
  published_at: 'timestamptz',
  view_count: 'int',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  gender: 'gender',
  birth_year: 'smallint',
  category: 'good_person_category',
  level: 'good_person_level',
  batch_id: 'int',
  like_count: 'int',
  list: 'credit_list',
  category_id: 'int',
  subject_kind: 'credit_subject_kind',
  amount: 'numeric',
  decision_date: 'date',
  listed_date: 'date',
  publication_end: 'date',
  status_changed_at: 'timestamptz',
  id: 'bigint',
  issue_id: 'bigint',
  from_status: 'issue_status',
  to_status: 'issue_status',
  unit_id: 'int',
  actor_unit_id: 'int',
  lat: 'float8',
  lng: 'float8',
  public_lat: 'float8',
  public_lng: 'float8',
  assigned_at: 'timestamptz',
  unit_assigned_at: 'timestamptz',
  deadline_at: 'timestamptz',
  planned_date: 'date',
  submitted_at: 'timestamptz',
  closed_at: 'timestamptz',
  rating: 'issue_rating',
  rated_at: 'timestamptz',
  supports: 'int',
};
const STATUS_TYPE: Record<(typeof TABLES)[number], string> = {
  news_articles: 'content_status',
  good_people: 'content_status',
  credit_entries: 'credit_entry_status',
  issues: 'issue_status',
  issue_events: '',
};
/** Columns whose type depends on the table (news_articles.source is text, issues.source an enum). */
const TABLE_CASTS: Partial<Record<(typeof TABLES)[number], Record<string, string>>> = { issues: { source: 'issue_source' }, issue_events: { kind: 'issue_event_kind' } };

async function insertColumns(raw: RawClient, table: (typeof TABLES)[number], names: readonly string[], data: Columns): Promise<void> {
  const casts = names.map((n) => {
    const type = n === 'status' ? STATUS_TYPE[table] : (TABLE_CASTS[table]?.[n] ?? CASTS[n]);
    return type ? `${n}::${type}` : n;
  });
  const text = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${casts.join(', ')} FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${names.join(', ')})`;
  await raw.query(
    text,
    names.map((n) => data[n]!.map((v) => (v === null ? null : String(v)))),
  );
}

// --------------------------------------------------------------------------------------- progress

export type Log = (line: string) => void;

function progress(log: Log, label: string, total: number) {
  const started = performance.now();
  let lastShown = 0;
  return (done: number) => {
    const now = performance.now();
    if (done < total && now - lastShown < 2000) return;
    lastShown = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = done < total ? `, ETA ${Math.ceil((total - done) / rate)} s` : `, ${seconds.toFixed(1)} s`;
    log(`  ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.floor((done / total) * 100)}%), ${Math.round(rate).toLocaleString('en')} rows/s${eta}`);
  };
}

/** Makes and writes rows chunk by chunk; the next chunk is made while the previous one is being written. */
async function load(log: Log, raw: RawClient, table: (typeof TABLES)[number], names: readonly string[], total: number, chunk: number, make: (n: number, offset: number) => Columns) {
  if (total <= 0) return;
  const tick = progress(log, table, total);
  let pending: Promise<void> | null = null;
  let written = 0;
  for (let offset = 0; offset < total; offset += chunk) {
    const n = Math.min(chunk, total - offset);
    const data = make(n, offset);
    if (pending) {
      await pending;
      tick(written);
    }
    pending = insertColumns(raw, table, names, data).then(() => {
      written += n;
    });
  }
  if (pending) await pending;
  tick(written);
}

// ---------------------------------------------------------------------------------------- indexes

type IndexDef = { name: string; def: string };

/** Every index of the loaded tables except primary keys: dropped for the load (a fresh build is far faster). */
async function secondaryIndexes(raw: RawClient): Promise<IndexDef[]> {
  const { rows } = await raw.query(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))
     ORDER BY i.tablename, i.indexname`,
    [[...TABLES]],
  );
  return rows.map((r) => ({ name: String(r.name), def: String(r.def) }));
}

async function rebuildIndexes(log: Log, db: Db, engine: Engine, indexes: IndexDef[]): Promise<void> {
  // PGlite is one process: one build at a time. PostgreSQL builds two at once on separate connections.
  const lanes = engine === 'postgres' ? 2 : 1;
  const queue = indexes.slice().sort((a, b) => Number(b.def.includes('gin')) - Number(a.def.includes('gin')));
  await Promise.all(
    Array.from({ length: lanes }, () =>
      withSession(db, engine, async (session) => {
        await session.query(`SET maintenance_work_mem = '${engine === 'postgres' ? '512MB' : '256MB'}'`);
        for (let next = queue.shift(); next; next = queue.shift()) {
          const started = performance.now();
          await session.query(next.def);
          log(`  index ${next.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
        await session.query('RESET maintenance_work_mem');
      }),
    ),
  );
}

// -------------------------------------------------------------------------------------------- seed

export type ScaleSummary = ScaleSizes & { creditCurrent: number; creditExpired: number; creditFuture: number; seconds: number };

/** Good people's monthly batches of the scale set: 240 months before the demo's four. */
async function peopleBatches(db: Db, today: string): Promise<ScaleBatch[]> {
  const months = Array.from({ length: 240 }, (_, k) => addMonths(today, -(k + 4)).slice(0, 7));
  const rows = await db
    .insert(goodPeopleBatches)
    .values(
      months.map((month) => {
        const publishedAt = at(addMonths(`${month}-10`, 1), 10, 0);
        return { month, title: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月 江城身边好人榜`, status: 'published' as const, publishedAt, createdAt: publishedAt, updatedAt: publishedAt };
      }),
    )
    .returning({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, publishedAt: goodPeopleBatches.publishedAt });
  return rows.map((r) => ({ id: r.id, day: `${r.month}-10`, publishedAt: r.publishedAt }));
}

const issueTitle = (day: string) => `${day.slice(0, 4)}年第${Math.floor((Number(day.slice(5, 7)) - 1) / 2) + 1}期`;

/**
 * Credit batches: the demo's eight (the last sixteen months), 28 older ones every two months and the
 * next issue, still pending review. Recent batches get more entries, so about half the set is 公示中.
 */
async function creditBatchPicker(db: Db, today: string): Promise<(rng: Rng) => { id: number; day: string }> {
  const demo = await db.select({ id: creditBatches.id, publishedAt: creditBatches.publishedAt }).from(creditBatches).orderBy(desc(creditBatches.publishedAt));
  const latest = demo[0]?.publishedAt ? cityDay(demo[0].publishedAt) : addDays(today, -8);
  const olderDays = batchDays(addMonths(latest, -2 * demo.length), 28);
  const older = await db
    .insert(creditBatches)
    .values(olderDays.map((day) => ({ title: issueTitle(day), status: 'published' as const, publishedAt: at(day, 15, 0), createdAt: at(addDays(day, -3), 9, 0), updatedAt: at(day, 15, 0) })))
    .returning({ id: creditBatches.id, publishedAt: creditBatches.publishedAt });
  const nextDay = addMonths(latest, 2);
  const [pending] = await db.insert(creditBatches).values({ title: issueTitle(nextDay), status: 'pending' }).returning({ id: creditBatches.id });
  const options = [...demo, ...older].map((b, age) => ({ id: b.id, day: cityDay(b.publishedAt!), weight: age < 12 ? 3 : 1 }));
  options.push({ id: pending!.id, day: nextDay, weight: 0.3 });
  const total = options.reduce((s, o) => s + o.weight, 0);
  return (rng) => {
    let r = rng.next() * total;
    for (const o of options) {
      r -= o.weight;
      if (r < 0) return o;
    }
    return options[options.length - 1]!;
  };
}

/**
 * The ledger's items and their events, 2000 items per chunk, with ids and numbers after the demo's (ids
 * are written, so the events can name their items; the sequence is moved on afterwards).
 */
async function loadLedger(log: Log, db: Db, raw: RawClient, total: number, today: string): Promise<void> {
  if (total <= 0) return;
  const categories = await db.select({ id: issueCategories.id, name: issueCategories.name, defaultUnitId: issueCategories.defaultUnitId, deadlineDays: issueCategories.deadlineDays }).from(issueCategories);
  const unitRows = await db.select({ id: units.id, areas: units.areas }).from(units);
  const areas = unitRows.flatMap((u) => u.areas.map((area) => ({ area, unitId: u.id })));
  if (categories.length === 0 || areas.length === 0) throw new ScaleRefusedError('The database has no ledger categories or unit areas; the scale set needs the demo data underneath. Use an empty database.');
  const [last] = await db.select({ id: sql<number>`coalesce(max(${issues.id}), 0)::bigint` }).from(issues);
  let id = Number(last?.id ?? 0);
  const numbers = await db.select({ no: issues.no }).from(issues);
  const seqs = new Map<number, number>();
  for (const { no } of numbers) {
    const parsed = parseIssueNo(no);
    if (parsed) seqs.set(parsed.year, Math.max(seqs.get(parsed.year) ?? 0, parsed.seq));
  }
  const context = {
    today,
    days: await loadCalendar(db),
    categories,
    areas,
    nextId: () => ++id,
    nextNo: (year: number) => {
      const seq = (seqs.get(year) ?? 0) + 1;
      seqs.set(year, seq);
      return formatIssueNo(year, seq);
    },
  };
  const rng = createRng('civic-scale:ledger');
  const tick = progress(log, 'issues', total);
  for (let done = 0; done < total; ) {
    const n = Math.min(2000, total - done);
    const rows = ledgerScaleRows(rng, n, context);
    await insertColumns(raw, 'issues', ISSUE_COLUMNS, rows.issues);
    await insertColumns(raw, 'issue_events', EVENT_COLUMNS, rows.events);
    done += n;
    tick(done);
  }
  await raw.query(`SELECT setval(pg_get_serial_sequence('issues', 'id'), (SELECT max(id) FROM issues))`);
}

/**
 * Writes the scale set. On an empty database the demo data is written first (channels, categories,
 * settings). Refuses a database that already holds a scale set or the remains of an interrupted load.
 */
export async function seedScale(db: Db, engine: Engine, options: { sizes?: ScaleSizes; today?: string; log?: Log } = {}): Promise<ScaleSummary> {
  const sizes = options.sizes ?? SCALES.large;
  const today = options.today ?? cityDay();
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const marker = await readMarker(db);
  if (marker?.state === 'complete') throw new ScaleRefusedError('This database already holds the scale data set; nothing was written.');
  if (marker) throw new ScaleRefusedError('An earlier scale load into this database did not finish. Start again with an empty database (a new DATA_DIR or a new PostgreSQL database).');
  if (await isDatabaseEmpty(db)) {
    log('Empty database: writing the demo data first');
    await seedDemo(db, { today });
  }
  const categories = (await db.select({ id: creditCategories.id, name: creditCategories.name, list: creditCategories.list, periodMonths: creditCategories.periodMonths }).from(creditCategories)) as ScaleCategory[];
  const channels = await db.select({ id: newsChannels.id, slug: newsChannels.slug }).from(newsChannels);
  if (categories.length === 0 || channels.length === 0) throw new ScaleRefusedError('The database has content but no news channels or credit categories; the scale set needs the demo data underneath. Use an empty database.');
  await writeMarker(db, { state: 'loading', sizes, today, startedAt });

  const raw = rawClient(db);
  const indexes = await secondaryIndexes(raw);
  for (const index of indexes) await raw.query(`DROP INDEX ${index.name}`);
  log(`Dropped ${indexes.length} secondary indexes for the load`);

  const channelIds = new Map(channels.map((c) => [c.slug as ChannelSlug, c.id]));
  const newsRng = createRng('civic-scale:news');
  await load(log, raw, 'news_articles', ARTICLE_COLUMNS, sizes.articles, 2000, (n) => articleRows(newsRng, n, today, channelIds));

  const batches = await peopleBatches(db, today);
  const peopleRng = createRng('civic-scale:people');
  await load(log, raw, 'good_people', PEOPLE_COLUMNS, sizes.people, 2000, (n) => peopleRows(peopleRng, n, today, batches));

  const pickBatch = await creditBatchPicker(db, today);
  const creditRng = createRng('civic-scale:credit');
  const mix = { creditCurrent: 0, creditExpired: 0, creditFuture: 0 };
  await load(log, raw, 'credit_entries', CREDIT_COLUMNS, sizes.credit, 10_000, (n, first) => {
    const data = creditRows(creditRng, n, { today, categories: categories.map((c) => ({ ...c, name: c.name as CreditCategoryName })), pickBatch, first });
    data.listed_date!.forEach((listed, i) => {
      if (String(listed) > today) mix.creditFuture++;
      else if (String(data.publication_end![i]) < today) mix.creditExpired++;
      else if (data.status![i] === 'public') mix.creditCurrent++;
    });
    return data;
  });

  // unit_month_figures: its trigger would recount every unit's months after each chunk, on a table
  // without its indexes; it is off for the load, and the whole table is recounted once the indexes are
  // back (the same function as the trigger's; an interrupted load leaves a database this seed refuses).
  await raw.query(`ALTER TABLE issues DISABLE TRIGGER issues_unit_month_figures_insert`);
  try {
    await loadLedger(log, db, raw, sizes.issues, today);
  } finally {
    await raw.query(`ALTER TABLE issues ENABLE TRIGGER issues_unit_month_figures_insert`);
  }

  log('Rebuilding indexes');
  await rebuildIndexes(log, db, engine, indexes);
  const recounted = performance.now();
  await raw.query(`SELECT unit_month_figures_rebuild()`);
  log(`  unit_month_figures: ${((performance.now() - recounted) / 1000).toFixed(1)} s`);
  const analyzed = performance.now();
  for (const table of [...TABLES, 'good_people_batches', 'credit_batches', 'credit_categories', 'units', 'unit_month_figures']) await raw.query(`VACUUM ANALYZE ${table}`);
  log(`  VACUUM ANALYZE: ${((performance.now() - analyzed) / 1000).toFixed(1)} s`);
  await writeMarker(db, { state: 'complete', sizes, today, startedAt, finishedAt: new Date().toISOString() });
  return { ...sizes, ...mix, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** Rows of the loaded tables, for tests and the summary (exact counts: a full scan on large tables). */
export async function countScaleTables(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
  const result = await db.execute<{ a: number; p: number; c: number; i: number; e: number }>(
    sql`SELECT (SELECT count(*) FROM news_articles)::int AS a, (SELECT count(*) FROM good_people)::int AS p, (SELECT count(*) FROM credit_entries)::int AS c,
      (SELECT count(*) FROM issues)::int AS i, (SELECT count(*) FROM issue_events)::int AS e`,
  );
  const row = result.rows[0]!;
  return { news_articles: row.a, good_people: row.p, credit_entries: row.c, issues: row.i, issue_events: row.e };
}
