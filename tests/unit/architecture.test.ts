// The shape of the code, checked: the layer rule fails on a violation (fixtures), the import graph
// of the app has no circle, and no transaction is cast to the database type.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'db', 'server', 'app'];
const TOP_FILES = ['proxy.ts', 'instrumentation.ts'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations' && entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(full);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
  for (const file of TOP_FILES) if (fs.existsSync(path.join(root, file))) out.push(path.join(root, file));
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx']) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      // Type-only imports vanish at run time, but a circle of them still tangles the layers: count them.
      const target = resolveImport(file, match[1] ?? match[2]!);
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), i.e. import circles. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(path.relative(root, member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const LAYER_RANK: Record<string, number> = { lib: 0, db: 1, server: 2, app: 3 };
function layerOf(file: string): number {
  const top = path.relative(root, file).split(path.sep)[0]!;
  return LAYER_RANK[top] ?? 3; // proxy.ts, instrumentation.ts sit with app/
}

describe('architecture', () => {
  it('has no import circle in lib/, db/, server/, app/ and the proxy', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('points every import down: app -> server -> db -> lib', () => {
    const upward: string[] = [];
    for (const [file, targets] of importGraph()) {
      for (const target of targets) if (layerOf(target) > layerOf(file)) upward.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
    }
    expect(upward).toEqual([]);
  });

  it('keeps server code out of client components (type-only imports aside)', () => {
    const leaks: string[] = [];
    for (const file of sourceFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      if (!/^\s*['"]use client['"]/.test(text)) continue;
      for (const match of text.matchAll(/(?:^|\n)\s*import\s+(?!type\s)[^'";]*?from\s*['"]([^'"]+)['"]/g)) {
        const target = resolveImport(file, match[1]!);
        if (!target) continue;
        const top = path.relative(root, target).split(path.sep)[0];
        // Server actions are imported by reference (Next turns them into calls); everything else in
        // server/ and db/ must stay on the server.
        if ((top === 'server' || top === 'db') && !/^\s*['"]use server['"]/.test(fs.readFileSync(target, 'utf8'))) {
          leaks.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('never casts a transaction to the database type', () => {
    const casts = sourceFiles().filter((file) => /as unknown as Db\b|\basDb\(/.test(fs.readFileSync(file, 'utf8')));
    expect(casts.map((file) => path.relative(root, file))).toEqual([]);
  });

  // ESLint's first run loads the whole Next.js config: allow it time on a busy machine.
  describe('the lint rule for layers', { timeout: 120_000 }, () => {
    const eslint = new ESLint({ cwd: root });
    const ruleErrors = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
    };

    it.each([
      ['lib/fixture-violation.ts', "import { getDb } from '@/db/client';\nexport const x = getDb;\n"],
      ['lib/fixture-violation.ts', "import { getDb } from '../db/client';\nexport const x = getDb;\n"],
      ['lib/fixture-violation.ts', "import { headers } from 'next/headers';\nexport const x = headers;\n"],
      ['lib/fixture-violation.ts', "import { currentUser } from '@/server/auth';\nexport const x = currentUser;\n"],
      ['db/queries/fixture-violation.ts', "import { invalidate } from '@/server/cache/invalidate';\nexport const x = invalidate;\n"],
      ['db/queries/fixture-violation.ts', "import { currentUser } from '../../server/auth';\nexport const x = currentUser;\n"],
      ['server/fixture-violation.ts', "import { createArticle } from '@/app/(admin)/admin/news/actions';\nexport const x = createArticle;\n"],
    ])('refuses %s importing upward (%#)', async (file, code) => {
      expect(await ruleErrors(file, code)).toBe(1);
    });

    it.each([
      ['db/queries/fixture-ok.ts', "import { cityDay } from '@/lib/dates';\nexport const x = cityDay;\n"],
      ['server/fixture-ok.ts', "import { getDb } from '@/db/client';\nexport const x = getDb;\n"],
      ['app/fixture-ok.ts', "import { currentUser } from '@/server/auth';\nexport const x = currentUser;\n"],
    ])('accepts %s importing downward', async (file, code) => {
      expect(await ruleErrors(file, code)).toBe(0);
    });
  });
});
