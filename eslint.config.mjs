import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layers (docs/ARCHITECTURE.md): every import points down.
//   app/, proxy.ts, instrumentation.ts -> server/ -> db/ -> lib/
// Each layer lists what it must not import; relative paths are caught by the regexes too.
const UP_FROM_LIB = [
  { regex: '^(@/|(\\.\\./)+)(db|server|app|scripts|e2e|tests)(/|$)', message: 'lib/ holds pure rules: it must not import db/, server/ or app/.' },
  { regex: '^(@/|(\\.\\./)+)(proxy|instrumentation)$', message: 'lib/ must not import the proxy.' },
  { regex: '^next(/|$)', message: 'lib/ holds pure rules: no Next.js imports (put request-bound code in server/).' },
  { regex: '^(server-only|pg|@electric-sql/pglite|drizzle-orm)(/|$)', message: 'lib/ holds pure rules: no database or server-only imports.' },
];
const UP_FROM_DB = [
  { regex: '^(@/|(\\.\\./)+)(server|app|scripts|e2e|tests)(/|$)', message: 'db/ may import lib/ only: server plumbing and pages sit above it.' },
  { regex: '^(@/|(\\.\\./)+)(proxy|instrumentation)$', message: 'db/ must not import the proxy.' },
  { regex: '^next(/|$)', message: 'db/ must not import Next.js: request-bound code belongs in server/.' },
];
const UP_FROM_SERVER = [
  { regex: '^(@/|(\\.\\./)+)(app|scripts|e2e|tests)(/|$)', message: 'server/ must not import app/: pages and actions sit above it.' },
  { regex: '^(@/|(\\.\\./)+)(proxy|instrumentation)$', message: 'server/ must not import the proxy.' },
];
const TESTS = ['**/*.test.ts'];
// One way to link: app/_components/link.tsx (next/link without prefetching) between app pages, PageLink
// (a plain <a>) between public ones.
const ONE_LINK = { name: 'next/link', message: "Import Link from '@/app/_components/link' (next/link with prefetching off), or use PageLink on public pages." };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  { files: ['lib/**/*.ts', 'lib/**/*.tsx'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: UP_FROM_LIB }] } },
  { files: ['db/**/*.ts'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: UP_FROM_DB }] } },
  { files: ['server/**/*.ts', 'server/**/*.tsx'], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: UP_FROM_SERVER }] } },
  { files: ['app/**/*.ts', 'app/**/*.tsx'], ignores: ['app/_components/link.tsx'], rules: { 'no-restricted-imports': ['error', { paths: [ONE_LINK] }] } },
];

export default config;
