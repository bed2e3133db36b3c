import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };
const integration = { include: ['tests/integration/**/*.test.ts'], setupFiles: ['tests/integration/setup.ts'], globalSetup: ['tests/integration/pglite-template.ts'], testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/attacks/**/*.test.ts'] } },
      { resolve: { alias }, test: { name: 'integration-pglite', ...integration, env: { TEST_DB_ENGINE: 'pglite' } } },
      {
        resolve: { alias },
        test: {
          name: 'integration-postgres',
          ...integration,
          // The folder lock guards PGlite only; PostgreSQL guards itself.
          exclude: ['tests/integration/pglite-*.test.ts'],
          env: { TEST_DB_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
