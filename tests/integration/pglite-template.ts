// Global setup of the integration projects: one migrated PGlite database, dumped to a temp file once per
// run. freshPglite() (helpers.ts) starts every in-memory test database from it; creating each from scratch
// ran initdb in WASM, 5-7 s per test file on the 2-core machine, most of the PGlite suite's time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpMigratedPglite } from '@/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-pglite-template-'));
  const file = path.join(dir, 'migrated.tar');
  const dump = await dumpMigratedPglite();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
