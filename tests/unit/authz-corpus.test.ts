// Keeps e2e/corpus/authz.ts complete and true: every admin page, admin route handler and server action
// in the tree is listed with the permission its source really asks for, and HOLDERS matches lib/roles.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, ACTIONS, DECISIONS, HOLDERS, PAGES, ROUTES, type UnitAnswer } from '@/e2e/corpus/authz';
import { DOMAINS, publicPrefixesOf, type DomainDeclaration } from '@/lib/domains';
import { can, type Permission } from '@/lib/roles';

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const sorted = (values: Iterable<string>) => [...values].sort();

const appFiles = walk('app');
const adminPages = appFiles.filter((f) => f.startsWith('app/(admin)/') && f.endsWith('/page.tsx'));
const adminRoutes = appFiles.filter((f) => f.startsWith('app/(admin)/') && /\/route\.tsx?$/.test(f));
const serverModules = [...appFiles, ...walk('lib')].filter((f) => /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source(f)));

/** `file#name` of every export of a 'use server' module: each one is callable from a browser. */
function exportedActions(file: string): string[] {
  const names = [...source(file).matchAll(/^export\s+(?:async\s+function|const|let|function)\s+(\w+)/gm)].map((m) => m[1]);
  return names.map((name) => `${file}#${name}`);
}

describe('the authorization corpus', () => {
  it('lists every admin page and no page that does not exist', () => {
    expect(sorted(PAGES.map((p) => p.file))).toEqual(sorted(adminPages));
  });

  it('lists every admin route handler', () => {
    expect(sorted(ROUTES.map((r) => r.file))).toEqual(sorted(adminRoutes));
  });

  it('lists every exported server action of every "use server" module', () => {
    expect(serverModules.length).toBeGreaterThan(10);
    expect(sorted(ACTIONS.map((a) => a.ref))).toEqual(sorted(serverModules.flatMap(exportedActions)));
  });

  it("gives each page the permission its requirePageUser call asks for", () => {
    for (const page of PAGES) {
      const calls = [...source(page.file).matchAll(/requirePageUser\(\s*'([\w.]+)'/g)].map((m) => m[1]);
      expect(calls, page.file).toEqual([page.permission]);
    }
  });

  it('gives each route handler the permission it checks', () => {
    for (const route of ROUTES) {
      const text = source(route.file);
      expect(text, route.file).toMatch(/currentUser\(\)/);
      expect([...text.matchAll(/can\(user\.role, '([\w.]+)'\)/g)].map((m) => m[1]), route.file).toEqual([route.permission]);
    }
  });

  it('gives each action the permission of its guard (guardedAction, citizenAction or its own check)', () => {
    for (const action of ACTIONS) {
      const [file, name] = action.ref.split('#') as [string, string];
      const text = source(file);
      const guarded = new RegExp(`export const ${name} = guardedAction\\(\\s*'([\\w.]+)'`).exec(text);
      if (action.permission === 'public') {
        expect(file, action.ref).toMatch(/^app\/\(public\)\//);
        expect(text, action.ref).toMatch(/citizenAction\(/);
        expect(text, action.ref).not.toMatch(/guardedAction\(/);
      } else if (guarded) {
        expect(guarded[1], action.ref).toBe(action.permission);
      } else {
        // A plain exported function: it must read the user and check the permission itself.
        expect(action.kind, `${action.ref} checks its own permission: list it with kind 'args'`).toBe('args');
        const body = new RegExp(`export async function ${name}\\([\\s\\S]*?\\n}`).exec(text)?.[0] ?? '';
        const helper = /await (\w+)\(\)/.exec(body)?.[1];
        const checked = helper && helper !== 'currentUser' ? (new RegExp(`function ${helper}\\([\\s\\S]*?\\n}`).exec(text)?.[0] ?? '') : body;
        expect(checked, action.ref).toMatch(/currentUser\(\)/);
        expect(checked, action.ref).toContain(`can(user.role, '${action.permission}')`);
      }
    }
  });

  it('agrees with lib/roles.ts on who holds each permission, the unit handler included', () => {
    for (const [permission, holders] of Object.entries(HOLDERS) as [Permission, readonly string[]][]) {
      for (const role of ACCOUNTS) expect(can(role, permission), `${role} ${permission}`).toBe(holders.includes(role));
    }
  });

  it('says for every page, route and action what a unit handler gets, as lib/roles.ts grants it', () => {
    const entries: { id: string; permission: Permission | 'public'; unit: UnitAnswer<unknown> | undefined }[] = [
      ...PAGES.map((p) => ({ id: p.file, permission: p.permission, unit: p.unit })),
      ...ROUTES.map((r) => ({ id: r.file, permission: r.permission, unit: r.unit })),
      ...ACTIONS.map((a) => ({ id: a.ref, permission: a.permission, unit: a.unit })),
    ];
    for (const { id, permission, unit } of entries) {
      // Said explicitly, even where it follows from the permission: a new entry has to decide it.
      const stated = unit === 'refused' || unit === 'allowed' || (typeof unit === 'object' && typeof unit.otherUnit === 'function');
      expect(stated, `${id}: say what a unit handler gets ('refused', 'allowed' or { otherUnit })`).toBe(true);
      const granted = permission === 'public' || can('unit', permission);
      expect(unit !== 'refused', `${id}: a unit handler ${granted ? 'holds' : 'does not hold'} ${permission}`).toBe(granted);
      // A page, route or action about one record (a [segment] in its path) that a unit handler may reach
      // must show that another unit's record is a 404; public (citizens') actions are nobody's record.
      const aboutOneRecord = /\[\w+\]/.test(id) && permission !== 'public';
      if (unit !== 'refused' && aboutOneRecord) expect(typeof unit, `${id}: give { otherUnit } (another unit's record, answered 404)`).toBe('object');
      if (typeof unit === 'object') expect(aboutOneRecord, `${id}: { otherUnit } is for entries about one record`).toBe(true);
    }
  });

  it('only uses decisions of actions it lists, and names every role their guard lets in', () => {
    const byRef = new Map(ACTIONS.map((a) => [a.ref, a]));
    for (const decision of DECISIONS) {
      const action = byRef.get(decision.ref);
      expect(action, decision.ref).toBeDefined();
      const guarded = ACCOUNTS.filter((role) => action!.permission === 'public' || HOLDERS[action!.permission].includes(role));
      expect(sorted([...decision.refused.roles, ...decision.allowed.roles]), decision.label).toEqual(sorted(guarded));
    }
  });
});

// Each registered domain (lib/domains) on its own: a new domain's editors' folder and citizens' actions
// are in the corpus from its first page and action on.
describe('the authorization corpus for each registered domain', () => {
  const declarations: readonly DomainDeclaration[] = DOMAINS;
  const listedPages = PAGES.map((p) => p.file);
  const listedActions = new Map(ACTIONS.map((a) => [a.ref, a.permission]));

  for (const domain of declarations) {
    const adminFolder = `app/(admin)${domain.adminPrefix}/`;
    const publicFolders = publicPrefixesOf(domain).map((prefix) => `app/(public)${prefix}/`);
    const isPublic = (file: string) => publicFolders.some((folder) => file.startsWith(folder));
    const inDomain = (file: string) => file.startsWith(adminFolder) || isPublic(file);

    it(`${domain.key}: lists every page of ${adminFolder}, its own page included`, () => {
      const pages = adminPages.filter((f) => f.startsWith(adminFolder));
      expect(pages).toContain(`${adminFolder}page.tsx`);
      expect(sorted(listedPages.filter((f) => f.startsWith(adminFolder)))).toEqual(sorted(pages));
      expect(sorted(ROUTES.map((r) => r.file).filter((f) => f.startsWith(adminFolder)))).toEqual(sorted(adminRoutes.filter((f) => f.startsWith(adminFolder))));
    });

    it(`${domain.key}: lists every server action of its folders, the citizens' ones as public`, () => {
      // Every file that says 'use server' at all says it at the top (so that the walk above finds it).
      const declaring = appFiles.filter((f) => inDomain(f) && /\.tsx?$/.test(f) && /['"]use server['"]/.test(source(f)));
      expect(sorted(declaring)).toEqual(sorted(serverModules.filter(inDomain)));
      expect(declaring.some((f) => f.startsWith(adminFolder)), `${domain.key} has editors' actions`).toBe(true);
      for (const ref of declaring.flatMap(exportedActions)) {
        expect(listedActions.has(ref), `${ref} is not in e2e/corpus/authz.ts ACTIONS`).toBe(true);
        expect(listedActions.get(ref) === 'public', ref).toBe(isPublic(ref));
      }
    });
  }
});
