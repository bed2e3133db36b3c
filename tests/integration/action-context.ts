// Server actions outside Next.js, for integration tests: which database getDb() returns, who
// currentUser() says is signed in, and which cache tags actions expired. tests/integration/setup.ts
// mocks the modules to read this; a test sets what it needs (unset values fall through to the real code).
import type { Db } from '@/db/client';
import type { AuthUser } from '@/server/auth';

export const actionContext: {
  db: Db | null;
  /** undefined: the real session check; null: signed out; a user: signed in as that user. */
  user: AuthUser | null | undefined;
  tags: string[];
} = { db: null, user: undefined, tags: [] };
