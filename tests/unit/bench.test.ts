// npm run bench: the nginx configuration written from deploy/nginx.conf, and how targets are judged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlinePayloadBytes, type Measurement } from '@/scripts/bench/measure';
import { evaluate, FLOOR_PAGE, formatReport, writeResults, type Report } from '@/scripts/bench/report';
import { benchNginxConfig, NGINX_TEMPLATE } from '@/scripts/bench/server';

describe('benchNginxConfig', () => {
  const template = fs.readFileSync(NGINX_TEMPLATE, 'utf8');
  const config = benchNginxConfig(template, { port: 18080, upstreamPort: 13000, publicDir: '/tmp/app/public', workDir: '/tmp/bench-nginx' });

  it('points the shipped configuration at this run’s ports and folders', () => {
    expect(config).toContain('server 127.0.0.1:13000;');
    expect(config).toContain('listen 127.0.0.1:18080;');
    expect(config).toContain('proxy_cache_path /tmp/bench-nginx/cache ');
    expect(config).toContain('root /tmp/app/public;');
    expect(config).toContain('daemon off;');
    for (const production of ['127.0.0.1:3000;', 'listen 80;', 'listen [::]:80;', '/var/cache/nginx', '/srv/civic-portal', '/var/log/nginx']) {
      expect(config).not.toContain(production);
    }
  });

  it('keeps the caching rules of the shipped file', () => {
    for (const rule of ['proxy_cache_valid 200 301 302 404 10s;', 'proxy_cache_lock on;', 'proxy_cache_use_stale updating', 'proxy_set_header X-Forwarded-For $remote_addr;', 'client_max_body_size 32m;', 'proxy_cache_bypass $civic_signed_in $civic_lookup $civic_script;']) {
      expect(config).toContain(rule);
    }
  });

  it('fails loudly when the template no longer has a line it must replace', () => {
    expect(() => benchNginxConfig(template.replace('server 127.0.0.1:3000;', 'server app:3000;'), { port: 1, upstreamPort: 2, publicDir: '/p', workDir: '/w' })).toThrow(/no longer contains/);
  });
});

function measurement(name: string, kind: Measurement['kind'], reqPerSec: number, p99: number, extra: Partial<Measurement> = {}): Measurement {
  return {
    name,
    kind,
    path: `/${name}`,
    url: `http://127.0.0.1/${name}`,
    connections: kind === 'lookup' || kind === 'admin' || kind === 'floor' ? 10 : 50,
    durationSeconds: 10,
    requests: reqPerSec * 10,
    reqPerSec,
    latencyMs: { p50: p99 / 2, p90: p99, p99, max: p99, mean: p99 / 2 },
    probe: { status: 200, cacheStatus: null, pageCache: kind === 'page' ? 'HIT front' : null, bytes: 1000 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: { 200: reqPerSec * 10 },
    peakRssBytes: 0,
    ...extra,
  };
}

function report(measurements: Measurement[], overrides: Partial<Report> = {}): Report {
  return { measurements, firstLoadJs: [], peakRssBytes: 0, peakProcesses: [], engine: 'pglite', proxy: false, ...overrides };
}

const failed = (r: Report) => evaluate(r).filter((c) => !c.pass).map((c) => `${c.subject}: ${c.rule}`);

describe('evaluate', () => {
  it('judges cached pages against the static baseline and the p99 limit', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('fast', 'page', 2200, 40), measurement('slow', 'page', 2000, 70)]);
    expect(failed(r)).toEqual(['slow: req/s >= 70% of static', 'slow: p99 < 60 ms at 50 connections']);
  });

  it('fails a page that was not a page-cache hit after the warm-up, and shows where hits were answered', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('front', 'page', 2500, 30), measurement('rendered', 'page', 2500, 30, { probe: { status: 200, cacheStatus: null, pageCache: null, bytes: 10 } })]);
    expect(failed(r)).toEqual(['rendered: a page-cache hit after the warm-up']);
    expect(formatReport(r, evaluate(r))).toMatch(/front .* HIT front .* pass/);
  });

  it('allows 50% of nginx’s static throughput through the proxy', () => {
    const r = report([measurement('static', 'static', 10_000, 10), measurement('page', 'page', 5500, 30)], { proxy: true });
    expect(failed(r)).toEqual([]);
  });

  it('uses the engine’s lookup limit and the admin limit', () => {
    const lookups = [measurement('static', 'static', 3000, 20), measurement('floor', 'floor', 200, 60), measurement('lookup', 'lookup', 100, 180), measurement('admin', 'admin', 50, 310)];
    expect(failed(report(lookups, { engine: 'pglite' }))).toEqual(['admin: p99 < 300 ms at 10 connections']);
    expect(failed(report(lookups, { engine: 'postgres' }))).toEqual(['lookup: p99 < 100 ms at 10 connections (postgres)', 'admin: p99 < 300 ms at 10 connections']);
  });

  it('judges look-ups against the empty page rendered per request, and fails them when it was not measured', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('floor', 'floor', 300, 60), measurement('quick', 'lookup', 150, 100), measurement('heavy', 'lookup', 149, 100)]);
    expect(failed(r)).toEqual(['heavy: req/s >= 50% of floor']);
    expect(formatReport(r, evaluate(r))).toMatch(/quick .* 50% of floor .* pass/);
    expect(failed(report([measurement('static', 'static', 3000, 20), measurement('quick', 'lookup', 150, 100)]))).toEqual(['quick: req/s >= 50% of the empty page rendered per request']);
  });

  it('fails any target that answered non-2xx or with errors, fast or not', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('broken', 'page', 2900, 5, { non2xx: 12, probe: { status: 500, cacheStatus: null, bytes: 10 } })]);
    expect(failed(r)).toEqual(['broken: every response 2xx, no errors or timeouts', 'broken: a page-cache hit after the warm-up']);
  });

  it('does not pass a target on which no request completed', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('stuck', 'lookup', 0, 0, { requests: 0, errors: 10, timeouts: 10 })]);
    expect(failed(r)).toEqual(['stuck: every response 2xx, no errors or timeouts', 'stuck: p99 < 250 ms at 10 connections (pglite)', 'stuck: req/s >= 50% of the empty page rendered per request']);
  });

  it('checks first-load JS per page against the floor (an empty page) and the peak memory', () => {
    const js = [
      { page: FLOOR_PAGE, path: '/bench/floor', status: 200, scripts: 6, rawBytes: 250_000, gzipBytes: 90_000, htmlBytes: 20_000, payloadBytes: 12_000 },
      { page: 'home', path: '/', status: 200, scripts: 8, rawBytes: 300_000, gzipBytes: 105_000, htmlBytes: 60_000, payloadBytes: 30_000 },
      { page: 'article', path: '/news/a', status: 200, scripts: 9, rawBytes: 400_000, gzipBytes: 105_001, htmlBytes: 74_000, payloadBytes: 40_000 },
    ];
    const r = report([measurement('static', 'static', 3000, 20)], { firstLoadJs: js, peakRssBytes: 700 * 1024 * 1024 });
    expect(failed(r)).toEqual(['first-load JS article: <= the floor (90.0 kB) + 15.0 kB gzip', "server memory: peak RSS of the server's processes < 600 MB"]);
    expect(formatReport(r, evaluate(r))).toMatch(/home +\/ +8 +300\.0 kB +105\.0 kB +90\.0 kB +\+15\.0 kB +pass/);
    expect(formatReport(r, evaluate(r))).toMatch(/home +\/ +60\.0 kB +30\.0 kB +50%/);
    // Without the floor no page kind can pass.
    expect(failed(report([measurement('static', 'static', 3000, 20)], { firstLoadJs: js.slice(1) }))).toEqual([
      'first-load JS home: the floor was measured',
      'first-load JS article: the floor was measured',
    ]);
  });

  it('takes a stale copy served during its re-render as a page-cache answer', () => {
    const r = report([measurement('static', 'static', 3000, 20), measurement('good people', 'page', 2500, 30, { probe: { status: 200, cacheStatus: null, pageCache: 'STALE front', bytes: 10 } })]);
    expect(failed(r)).toEqual([]);
  });
});

describe('inlinePayloadBytes', () => {
  it('counts the inline RSC payload scripts and nothing else of the page', () => {
    const push = '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>';
    const html = `<!DOCTYPE html><html><head><script nonce="n">document.documentElement.dataset.js="1"</script><script src="/_next/static/a.js" async=""></script></head><body><main>文明</main>${push}${push}</body></html>`;
    expect(inlinePayloadBytes(html)).toBe(2 * Buffer.byteLength(push));
    expect(inlinePayloadBytes('<main>no payload</main>')).toBe(0);
  });
});

describe('writeResults', () => {
  it('names the file by time, engine and proxy without colons', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
    const file = writeResults(dir, new Date('2026-11-23T05:31:37.123Z'), 'postgres', true, { ok: 1 });
    expect(path.basename(file)).toBe('2026-11-23T05-31-37Z-postgres-proxy.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ ok: 1 });
    fs.rmSync(dir, { recursive: true });
  });
});
