// The article editor's background work, as hooks: the browser copy of unsaved input, the server
// autosave (a separate draft, never over the saved text) and the presence heartbeat.
import { useEffect, type RefObject } from 'react';
import { FORM_KEYS, type ArticleFormValues } from '@/lib/article-input';
import { cityDay, formatDateTime } from '@/lib/dates';
import { autosaveNewsArticle, newsPresenceHeartbeat } from './editor-actions';
import type { ArticleActionState, PresenceInfo, RecoveredDraft } from './types';

const AUTOSAVE_MS = 15_000;
const LOCAL_MS = 3_000;
const HEARTBEAT_MS = 20_000;

export type LocalCopy = { savedAt: string; baseVersion: number; values: ArticleFormValues };

export function localKey(userId: number, articleId: number | null) {
  return `news-editor:${userId}:${articleId ?? 'new'}`;
}

export function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return parsed && typeof parsed.savedAt === 'string' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocal(key: string, copy: LocalCopy) {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server autosave still runs.
  }
}

export function removeLocal(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

export function valuesOf(data: FormData): ArticleFormValues {
  const values = {} as ArticleFormValues;
  for (const key of FORM_KEYS) {
    const value = data.get(key);
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** 14:05 today, else 2026-11-20 14:05 (city time). */
export function whenText(iso: string): string {
  const at = new Date(iso);
  return cityDay(at) === cityDay() ? formatDateTime(at).slice(11) : formatDateTime(at);
}

export const sameValues = (a: ArticleFormValues, b: ArticleFormValues) => FORM_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));


/** What the editor knows and the hooks read between renders. */
type EditorRefs = {
  savedRef: RefObject<ArticleFormValues | null>;
  bannerRef: RefObject<RecoveredDraft | null>;
  baseRef: RefObject<number>;
};

/** The browser copy of unsaved input, every few seconds while it differs from what is saved. */
export function useBrowserCopy(key: string, readForm: () => ArticleFormValues | null, { savedRef, bannerRef, baseRef }: EditorRefs) {
  useEffect(() => {
    let lastLocal = '';
    const timer = window.setInterval(() => {
      const values = readForm();
      if (!values || !savedRef.current || bannerRef.current) return;
      const json = JSON.stringify(values);
      if (json === lastLocal) return;
      lastLocal = json;
      if (sameValues(values, savedRef.current)) removeLocal(key);
      else writeLocal(key, { savedAt: new Date().toISOString(), baseVersion: baseRef.current, values });
    }, LOCAL_MS);
    return () => window.clearInterval(timer);
  }, [key, readForm, savedRef, bannerRef, baseRef]);
}

/** The server autosave of an existing article (articleId null: a new article, nothing to do). */
export function useServerAutosave(
  articleId: number | null,
  readForm: () => ArticleFormValues | null,
  { savedRef, bannerRef, baseRef, lastAutosaveRef }: EditorRefs & { lastAutosaveRef: RefObject<string> },
  { signedOutMessage, onNote, onSignedOut }: { signedOutMessage: string; onNote: (note: string) => void; onSignedOut: () => void },
) {
  useEffect(() => {
    if (!articleId) return;
    const timer = window.setInterval(async () => {
      const values = readForm();
      if (!values || !savedRef.current || bannerRef.current) return;
      const json = JSON.stringify(values);
      if (json === lastAutosaveRef.current || sameValues(values, savedRef.current)) return;
      const data = new FormData();
      for (const k of FORM_KEYS) data.set(k, values[k]);
      data.set('id', String(articleId));
      data.set('version', String(baseRef.current));
      try {
        const result: ArticleActionState = await autosaveNewsArticle({}, data);
        if (result.ok) {
          lastAutosaveRef.current = json;
          onNote(`已自动保存草稿副本 ${result.savedAt ?? ''}（未覆盖已保存的版本）`);
        } else if (result.message === signedOutMessage) {
          onSignedOut();
        } else {
          onNote(`自动保存失败：${result.message ?? '请稍后重试'}`);
        }
      } catch {
        onNote('自动保存失败：网络连接中断，内容仍保存在本浏览器中。');
      }
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
    // The callbacks are state setters wrapped per render; the timer must not restart for them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, readForm, signedOutMessage]);
}

/** Presence: who else has this article open (articleId null: nothing to do). */
export function usePresence(articleId: number | null, { onOthers, onSignedOut }: { onOthers: (others: PresenceInfo[]) => void; onSignedOut: () => void }) {
  useEffect(() => {
    if (!articleId) return;
    let live = true;
    const beat = async () => {
      try {
        const result = await newsPresenceHeartbeat(articleId);
        if (!live) return;
        if (result.signedOut) onSignedOut();
        else onOthers(result.others);
      } catch {
        // A missed heartbeat only delays the notice.
      }
    };
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);
}
