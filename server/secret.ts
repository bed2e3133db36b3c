// The server's one secret: NEXTAUTH_SECRET, or a random value created once and stored in the database
// (so instances sharing one PostgreSQL agree). It signs sessions and, through a derived key, visitor ids.
import { getDb } from '@/db/client';
import { getOrCreateAuthSecret } from '@/db/queries/settings';

let stored: Promise<string> | null = null;

export function serverSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return Promise.resolve(process.env.NEXTAUTH_SECRET);
  stored ??= getDb()
    .then(getOrCreateAuthSecret)
    .catch((error: unknown) => {
      stored = null; // a database that was not ready yet is asked again next time
      throw error;
    });
  return stored;
}
