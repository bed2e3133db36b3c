// Keeps the domain declarations (lib/domains) true to the tree and free of clashes: each domain's public
// pages are exactly its page files, its folders and navigation targets exist, and what the registry
// merges (audit labels, rate limits, cache tags, prefixes) never collides. Also checks the consumers that
// derive from it: the cache tags of pages, the navigation and the search tabs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_DATA } from '@/db/domains';
import { ACTION_LABELS, ENTITY_LABELS, FIELD_LABELS } from '@/lib/audit-labels';
import { ADMIN_NAV, DOMAINS, DOMAIN_RATE_LIMITS, domainOfPath, PUBLIC_NAV, publicPrefixesOf, SEARCH_KINDS, SEARCH_TAB_LABELS, type DomainDeclaration } from '@/lib/domains';
import { ALL_TAGS, pageTags, TAGS } from '@/server/cache/tags';
import { POLICIES } from '@/server/rate-limit';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DECLARATIONS: readonly DomainDeclaration[] = DOMAINS;
const PUBLIC = 'app/(public)';
/** Public folders of the site itself, not of a content domain. */
const SITE_PUBLIC_FOLDERS = ['search'];

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
const source = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
/** `/credit/batch/[id]` -> `app/(public)/credit/batch/[id]/page.tsx`. */
const publicPageFile = (route: string) => `${PUBLIC}${route}/page.tsx`;
/** `/admin/good-people/batches` -> its page file (query strings left out). */
const adminPageFile = (href: string) => `app/(admin)${href.split('?')[0]}/page.tsx`;
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('the domain registry', () => {
  it('gives each domain its own key, name, prefixes and cache tag', () => {
    for (const field of ['key', 'name', 'publicPrefix', 'adminPrefix', 'cacheTag'] as const) {
      expect(duplicates(DECLARATIONS.map((d) => d[field])), field).toEqual([]);
    }
    // A further public section (the ledger's /snap, /units) belongs to one domain only.
    expect(duplicates(DECLARATIONS.flatMap((d) => publicPrefixesOf(d)))).toEqual([]);
    for (const d of DECLARATIONS) {
      expect(d.adminPrefix, d.key).toMatch(/^\/admin\/[a-z][a-z-]*$/);
      for (const prefix of publicPrefixesOf(d)) expect(prefix, d.key).toMatch(/^\/[a-z][a-z-]*$/);
      expect(d.cacheTag, d.key).not.toBe(TAGS.settings);
    }
  });

  it("holds each domain's public pages: exactly the page files under its prefix and its further sections", () => {
    for (const d of DECLARATIONS) {
      const files = publicPrefixesOf(d).flatMap((prefix) => walk(`${PUBLIC}${prefix}`).filter((f) => f.endsWith('/page.tsx')));
      expect(d.publicPages.map((p) => publicPageFile(p.route)).sort(), d.key).toEqual(files.sort());
    }
  });

  it('leaves no public folder outside a domain (a new section needs a declaration)', () => {
    const folders = fs.readdirSync(path.join(ROOT, PUBLIC), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `/${e.name}`);
    const declared: string[] = DECLARATIONS.flatMap((d) => publicPrefixesOf(d));
    expect(folders.filter((f) => !declared.includes(f) && !SITE_PUBLIC_FOLDERS.includes(f.slice(1)))).toEqual([]);
  });

  it('declares the query parameters of exactly the pages that read them', () => {
    for (const d of DECLARATIONS) {
      for (const page of d.publicPages) {
        const reads = /searchParams/.test(source(publicPageFile(page.route)));
        expect(Object.keys(page.params ?? {}).length > 0, `${page.route}: reads searchParams ${reads}`).toBe(reads);
        if (page.listing) expect(Object.values(page.params ?? {}), page.route).toContain('page');
      }
    }
  });

  it("has each domain's editors' folder with its own page, and navigation that leads to pages", () => {
    for (const d of DECLARATIONS) {
      expect(exists(adminPageFile(d.adminPrefix)), d.adminPrefix).toBe(true);
      for (const entry of d.nav.admin) expect(exists(adminPageFile(entry.href)), entry.href).toBe(true);
      for (const entry of d.nav.public) {
        expect(domainOfPath(entry.href), entry.href).toBe(d);
        expect(exists(publicPageFile(entry.href)), entry.href).toBe(true);
      }
      for (const card of [...Object.values(d.dashboard.review), ...Object.values(d.dashboard.waiting?.items ?? {})]) {
        expect(card.href.startsWith(d.adminPrefix), card.href).toBe(true);
        expect(exists(adminPageFile(card.href)), card.href).toBe(true);
      }
    }
  });

  it('merges audit labels without one domain overriding another or a site-wide label', () => {
    for (const map of ['actions', 'entities', 'fields'] as const) {
      const keys = DECLARATIONS.flatMap((d) => Object.keys(d.audit[map]));
      expect(duplicates(keys), map).toEqual([]);
    }
    const domainCount = (map: 'actions' | 'entities' | 'fields') => DECLARATIONS.reduce((n, d) => n + Object.keys(d.audit[map]).length, 0);
    // The merged maps hold every domain label once, beside (not over) the site-wide ones.
    for (const d of DECLARATIONS) {
      for (const [code, label] of Object.entries(d.audit.actions)) expect(ACTION_LABELS[code], code).toBe(label);
      for (const [code, label] of Object.entries(d.audit.entities)) expect(ENTITY_LABELS[code], code).toBe(label);
      for (const [code, label] of Object.entries(d.audit.fields)) expect(FIELD_LABELS[code], code).toBe(label);
    }
    expect(Object.keys(ACTION_LABELS).length).toBeGreaterThan(domainCount('actions'));
    expect(Object.keys(ENTITY_LABELS).length).toBeGreaterThan(domainCount('entities'));
  });

  it('merges rate limits with distinct names and counters', () => {
    const keys = DECLARATIONS.flatMap((d) => Object.keys(d.rateLimits));
    expect(duplicates(keys)).toEqual([]);
    for (const key of keys) expect(POLICIES[key as keyof typeof POLICIES], key).toBe(DOMAIN_RATE_LIMITS[key as keyof typeof DOMAIN_RATE_LIMITS]);
    const all = Object.values(POLICIES);
    expect(all.length).toBe(Object.keys(POLICIES).length);
    expect(duplicates(all.map((p) => p.name))).toEqual([]);
    expect(Object.keys(POLICIES).length).toBeGreaterThan(keys.length);
  });
});

describe('what derives from the registry', () => {
  it('tags each public page with its domain and the settings; other pages with everything', () => {
    for (const d of DECLARATIONS) {
      for (const page of d.publicPages) expect(pageTags(page.route.replace(/\[\w+\]/g, '7')), page.route).toEqual([d.cacheTag, 'settings']);
      expect(TAGS[d.key as keyof typeof TAGS], d.key).toBe(d.cacheTag);
    }
    expect(pageTags('/')).toEqual([...DECLARATIONS.map((d) => d.cacheTag), 'settings']);
    expect(pageTags('/search')).toEqual(ALL_TAGS);
    // A prefix is a whole path segment: /newsletter is no news page.
    expect(pageTags('/newsletter')).toEqual(ALL_TAGS);
    expect(pageTags('/credit/red')).toEqual(['credit', 'settings']);
    // A domain's further sections carry its tag too.
    expect(pageTags('/snap/status')).toEqual(['ledger', 'settings']);
    expect(pageTags('/units/3')).toEqual(['ledger', 'settings']);
    expect(pageTags('/unitsx')).toEqual(ALL_TAGS);
    expect(TAGS.article(12)).toBe('news:12');
  });

  it('builds the navigation from the registry in its order', () => {
    expect(PUBLIC_NAV.map((e) => e.label)).toEqual(['文明动态', '好人榜', '诚信红黑榜', '整改台账', '随手拍']);
    expect(PUBLIC_NAV.map((e) => e.href)).toEqual(['/news', '/good-people', '/credit', '/ledger', '/snap']);
    expect(ADMIN_NAV.map((e) => [e.href, e.label, e.permission])).toEqual([
      ['/admin/news', '文明动态', 'content.edit'],
      ['/admin/good-people', '好人榜', 'content.edit'],
      ['/admin/credit', '红黑榜', 'content.edit'],
      ['/admin/ledger', '整改台账', 'ledger.view'],
      ['/admin/units', '责任单位', 'units.manage'],
    ]);
  });

  it('gives every domain with a search tab a registered search source, in registry order', () => {
    expect(SEARCH_KINDS).toEqual(DECLARATIONS.filter((d) => d.search).map((d) => d.key));
    expect(SEARCH_TAB_LABELS).toEqual({ news: '文明动态', people: '好人榜', credit: '红黑榜', ledger: '整改台账' });
    for (const kind of SEARCH_KINDS) {
      const search = DOMAIN_DATA[kind].search;
      expect(typeof search.matchKeys, kind).toBe('function');
      expect(typeof search.walkKeys, kind).toBe('function');
      expect(typeof search.hits, kind).toBe('function');
    }
  });
});
