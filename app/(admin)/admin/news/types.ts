// Shapes shared by the news pages, their client components and actions (types only, no server code).
import type { ArticleFormValues } from '@/lib/article-input';
import type { ActionState } from '@/server/actions';
import type { FieldDiff } from '@/lib/diff';

/** A save refused because someone saved a newer version meanwhile. */
export type ConflictInfo = {
  theirVersion: number;
  baseVersion: number;
  savedByName: string;
  savedAt: string;
  diff: FieldDiff[];
};

export type ArticleActionState = ActionState & {
  /** The saved version after a successful save (the next save must name it). */
  version?: number;
  conflict?: ConflictInfo;
  /** Autosave: when the server kept the draft (HH:MM, city time). */
  savedAt?: string;
};

/** Unsaved work offered for restoring: the server autosave, or the browser's own copy. */
export type RecoveredDraft = { source: 'server' | 'browser'; savedAt: string; savedAtText: string; baseVersion: number; values: ArticleFormValues };

export type PresenceInfo = { name: string; at: string };
