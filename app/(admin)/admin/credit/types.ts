// Shapes shared by the credit pages, their client components and actions (types only, no server code).
import type { ImportState } from '@/server/import-files';

/** Both import steps' answer: the shared one, and the batch the file goes into. */
export type ImportActionState = ImportState & { batchId?: number };
