// npm run bench: the issue's targets checked against the measurements, the table, and the JSON file.
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '@/db/client';
import type { FirstLoadJs, Measurement } from './measure';
import type { ProcessRss } from './server';

export const LIMITS = {
  /** Cached public pages: share of the baseline's req/s (the same server's static file; nginx's with --proxy). */
  pageRatio: 0.7,
  pageRatioProxy: 0.5,
  pageP99Ms: 60,
  lookupP99Ms: { postgres: 100, pglite: 250 } satisfies Record<Engine, number>,
  /** Uncached look-up pages: share of the req/s of the empty page rendered per request in the same build (issue 17). */
  lookupVsFloorRatio: 0.5,
  adminP99Ms: 300,
  /** First-load JS of a public page kind: at most this much above the floor (an empty page of the same build, FLOOR_PAGE). */
  firstLoadJsOverFloorBytes: 15_000,
  rssBytes: 600 * 1024 * 1024,
};

export interface Check {
  subject: string;
  rule: string;
  value: string;
  pass: boolean;
}

export interface Report {
  measurements: Measurement[];
  firstLoadJs: FirstLoadJs[];
  peakRssBytes: number;
  /** The server's processes at the moment of the peak. */
  peakProcesses: ProcessRss[];
  engine: Engine;
  proxy: boolean;
}

/** The firstLoadJs entry of the empty page (scripts/bench/run.ts, app/bench/floor/page.tsx): what every page pays. */
export const FLOOR_PAGE = 'floor (empty page)';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function answeredCleanly(m: Measurement): boolean {
  return m.requests > 0 && m.non2xx === 0 && m.errors === 0 && m.timeouts === 0 && m.probe.status >= 200 && m.probe.status < 300;
}

/** A run in which no request completed has no latency to pass with. */
const p99Of = (m: Measurement) => (m.requests > 0 ? m.latencyMs.p99 : Number.POSITIVE_INFINITY);
const p99Text = (m: Measurement) => (m.requests > 0 ? `${m.latencyMs.p99} ms` : 'no completed request');

/** Every target of issue 8 that this run can judge, one line each. */
export function evaluate(report: Report): Check[] {
  const checks: Check[] = [];
  const baseline = report.measurements.find((m) => m.kind === 'static');
  const renderFloor = report.measurements.find((m) => m.kind === 'floor');
  const ratio = report.proxy ? LIMITS.pageRatioProxy : LIMITS.pageRatio;
  for (const m of report.measurements) {
    checks.push({ subject: m.name, rule: 'every response 2xx, no errors or timeouts', value: `${m.requests} completed, ${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} of them timeouts)`, pass: answeredCleanly(m) });
    if (m.kind === 'page') {
      const share = baseline ? m.reqPerSec / baseline.reqPerSec : 0;
      checks.push({ subject: m.name, rule: `req/s >= ${ratio * 100}% of ${baseline?.name ?? 'the static file'}`, value: `${(share * 100).toFixed(0)}%`, pass: share >= ratio });
      checks.push({ subject: m.name, rule: `p99 < ${LIMITS.pageP99Ms} ms at ${m.connections} connections`, value: p99Text(m), pass: p99Of(m) < LIMITS.pageP99Ms });
      // Without nginx, the figures are those of page-cache hits only if the page was one after the warm-up.
      if (!report.proxy) {
        const served = m.probe.pageCache ?? 'no X-Page-Cache header';
        // STALE: the stored copy, served while its one re-render runs (its lifetime ended during the run).
        checks.push({ subject: m.name, rule: 'a page-cache hit after the warm-up', value: served, pass: served.startsWith('HIT') || served.startsWith('STALE') });
      }
    }
    if (m.kind === 'lookup') {
      const limit = LIMITS.lookupP99Ms[report.engine];
      checks.push({ subject: m.name, rule: `p99 < ${limit} ms at ${m.connections} connections (${report.engine})`, value: p99Text(m), pass: p99Of(m) < limit });
      const share = renderFloor && renderFloor.reqPerSec > 0 ? m.reqPerSec / renderFloor.reqPerSec : 0;
      checks.push({ subject: m.name, rule: `req/s >= ${LIMITS.lookupVsFloorRatio * 100}% of ${renderFloor?.name ?? 'the empty page rendered per request'}`, value: `${(share * 100).toFixed(0)}%`, pass: share >= LIMITS.lookupVsFloorRatio });
    }
    if (m.kind === 'admin') {
      checks.push({ subject: m.name, rule: `p99 < ${LIMITS.adminP99Ms} ms at ${m.connections} connections`, value: p99Text(m), pass: p99Of(m) < LIMITS.adminP99Ms });
    }
  }
  const floor = report.firstLoadJs.find((js) => js.page === FLOOR_PAGE);
  for (const js of report.firstLoadJs) {
    if (js === floor) {
      checks.push({ subject: `first-load JS ${js.page}`, rule: 'the empty page answers 200', value: `${kb(js.gzipBytes)} (${js.scripts} scripts)`, pass: js.status === 200 });
      continue;
    }
    const limit = floor ? floor.gzipBytes + LIMITS.firstLoadJsOverFloorBytes : 0;
    checks.push({
      subject: `first-load JS ${js.page}`,
      rule: floor ? `<= the floor (${kb(floor.gzipBytes)}) + ${kb(LIMITS.firstLoadJsOverFloorBytes)} gzip` : 'the floor was measured',
      value: `${kb(js.gzipBytes)} (${js.scripts} scripts)`,
      pass: js.status === 200 && floor !== undefined && floor.status === 200 && js.gzipBytes <= limit,
    });
  }
  if (report.peakRssBytes > 0) {
    checks.push({ subject: 'server memory', rule: `peak RSS of the server's processes < ${mb(LIMITS.rssBytes)}`, value: mb(report.peakRssBytes), pass: report.peakRssBytes < LIMITS.rssBytes });
  }
  return checks;
}

// ---- table -----------------------------------------------------------------------------------

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const width = (text: string) => Array.from(text).reduce((sum, c) => sum + (WIDE.test(c) ? 2 : 1), 0);

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell));
        return rightAligned.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function decodedPath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

export function formatReport(report: Report, checks: Check[]): string {
  const baseline = report.measurements.find((m) => m.kind === 'static');
  const renderFloor = report.measurements.find((m) => m.kind === 'floor');
  // Cached pages are compared with the static file; look-ups with the empty page rendered per request.
  const share = (m: Measurement) => {
    const reference = m.kind === 'lookup' ? renderFloor : m.kind === 'page' || m.kind === 'static' ? baseline : undefined;
    return reference && reference.reqPerSec > 0 ? `${((m.reqPerSec / reference.reqPerSec) * 100).toFixed(0)}%${m.kind === 'lookup' ? ' of floor' : ''}` : '-';
  };
  const failedSubjects = new Set(checks.filter((c) => !c.pass).map((c) => c.subject));
  const rows = report.measurements.map((m) => [
    m.name,
    decodedPath(m.path),
    String(m.connections),
    String(m.reqPerSec),
    String(m.latencyMs.p50),
    String(m.latencyMs.p99),
    share(m),
    // autocannon counts a timeout as an error too.
    String(m.non2xx + m.errors),
    m.probe.pageCache ?? '-',
    ...(report.proxy ? [m.probe.cacheStatus ?? '-'] : []),
    (m.kind === 'static' || m.kind === 'floor') && !failedSubjects.has(m.name) ? 'baseline' : failedSubjects.has(m.name) ? 'FAIL' : 'pass',
  ]);
  const header = ['target', 'path', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'vs reference', 'non-2xx/err', 'page cache', ...(report.proxy ? ['cache'] : []), 'result'];
  const floor = report.firstLoadJs.find((js) => js.page === FLOOR_PAGE);
  const jsRows = report.firstLoadJs.map((js) => [
    js.page,
    decodedPath(js.path),
    String(js.scripts),
    kb(js.rawBytes),
    kb(js.gzipBytes),
    floor ? kb(floor.gzipBytes) : '-',
    floor && js !== floor ? `+${kb(js.gzipBytes - floor.gzipBytes)}` : '-',
    failedSubjects.has(`first-load JS ${js.page}`) ? 'FAIL' : js === floor ? 'floor' : 'pass',
  ]);
  const sizeRows = report.firstLoadJs.map((js) => [js.page, decodedPath(js.path), kb(js.htmlBytes), kb(js.payloadBytes), js.htmlBytes > 0 ? `${((js.payloadBytes / js.htmlBytes) * 100).toFixed(0)}%` : '-']);
  const failed = checks.filter((c) => !c.pass);
  return [
    table(header, rows, new Set([2, 3, 4, 5, 6, 7])),
    '',
    table(['first-load JS', 'path', 'scripts', 'raw', 'gzip', 'floor', 'over floor', 'result'], jsRows, new Set([2, 3, 4, 5, 6])),
    '',
    table(['page size', 'path', 'HTML', 'RSC payload', 'payload share'], sizeRows, new Set([2, 3, 4])),
    '',
    report.peakRssBytes > 0
      ? `Peak server RSS: ${mb(report.peakRssBytes)} = ${report.peakProcesses.map((p) => `${mb(p.rssBytes)} ${p.command}`).join(' + ')}`
      : 'Peak server RSS: not measured (no /proc)',
    '',
    failed.length === 0 ? `All ${checks.length} targets met.` : `Targets missed (${failed.length} of ${checks.length}):\n${failed.map((c) => `  FAIL ${c.subject}: ${c.rule} — measured ${c.value}`).join('\n')}`,
  ].join('\n');
}

/** bench/results/<ISO time>-<engine>[-proxy].json; the time without colons, so the name is valid everywhere. */
export function writeResults(dir: string, startedAt: Date, engine: Engine, proxy: boolean, data: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const file = path.join(dir, `${stamp}-${engine}${proxy ? '-proxy' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
