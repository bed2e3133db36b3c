// Setup of every integration test file: server actions and queries run outside Next.js. The mocks are
// transparent until a test sets tests/integration/action-context.ts; a test file's own vi.mock of the
// same module takes precedence over these.
import { vi } from 'vitest';
import { actionContext } from './action-context';

// Outside a Next.js request, revalidating a path has nothing to do.
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

vi.mock('@/db/client', async (original) => {
  const real = await original<typeof import('@/db/client')>();
  return { ...real, getDb: async () => actionContext.db ?? real.getDb() };
});

vi.mock('@/server/auth', async (original) => {
  const real = await original<typeof import('@/server/auth')>();
  return { ...real, currentUser: async () => (actionContext.user === undefined ? real.currentUser() : actionContext.user) };
});

// Tags expired by actions (server/cache/invalidate.ts), recorded on the way through.
vi.mock('@/server/cache/state', async (original) => {
  const real = await original<typeof import('@/server/cache/state')>();
  return {
    ...real,
    bumpTags: (tags: readonly string[]) => {
      actionContext.tags.push(...tags);
      real.bumpTags(tags);
    },
  };
});
