'use client';
// 繁體 mode and client components. proxy.ts converts every page and RSC payload to Traditional characters,
// but a client component's own strings ("大字版", form labels) come from its JavaScript, in Simplified: rendered
// like that during hydration they would differ from the converted HTML (React error #418) and React would
// re-render the page. So client components pass their strings through t() from useClientText():
//  - on the server (the render that proxy.ts converts) t() returns the Simplified text and notes it; the notes
//    go into the page as JSON data blocks (<script type="application/json">, never executed) whose keys are
//    percent-encoded, i.e. ASCII, which the converter leaves alone, while the values get converted with the
//    rest of the page;
//  - in the browser t() answers from those blocks: the same Traditional text the HTML shows.
// Strings that first appear after hydration (a message, another page's labels after client navigation) are
// converted by <TraditionalText> instead. In Simplified mode t() returns its argument.
import { useServerInsertedHTML } from 'next/navigation';
import { createContext, useContext, useState } from 'react';

type Text = (simplified: string) => string;

type State = {
  hant: boolean;
  /** Server only: strings used since the last flush of HTML. */
  pending: Set<string> | null;
  sent: Set<string> | null;
};

const ClientTextContext = createContext<State>({ hant: false, pending: null, sent: null });

const BLOCK_SELECTOR = 'script[type="application/json"][data-client-text]';
const shown = new Map<string, string>();
const readBlocks = new WeakSet<Element>();

/** Browser only: reads the data blocks that arrived since the last look. */
function readNewBlocks(): void {
  for (const block of document.querySelectorAll(BLOCK_SELECTOR)) {
    if (readBlocks.has(block)) continue;
    readBlocks.add(block);
    try {
      const data = JSON.parse(block.textContent ?? '{}') as Record<string, string>;
      for (const [key, value] of Object.entries(data)) shown.set(decodeURIComponent(key), value);
    } catch {
      // A damaged block: its strings stay Simplified and <TraditionalText> converts them.
    }
  }
}

function lookup(text: string): string {
  if (!shown.has(text)) readNewBlocks();
  return shown.get(text) ?? text;
}

/**
 * Around the public pages in 繁體 mode only (app/_components/site-shell.tsx): without it, t() returns its argument,
 * so Simplified pages ship none of this code.
 */
export function ClientTextProvider({ hant, children }: { hant: boolean; children: React.ReactNode }) {
  // One per render of the page (per request on the server); its Sets are filled during the render.
  const [state] = useState<State>(() => {
    const onServer = typeof window === 'undefined';
    return { hant, pending: onServer && hant ? new Set() : null, sent: onServer && hant ? new Set() : null };
  });
  useServerInsertedHTML(() => {
    const { pending, sent } = state;
    if (!pending || !sent || pending.size === 0) return null;
    const data: Record<string, string> = {};
    for (const text of pending) {
      if (!sent.has(text)) data[encodeURIComponent(text)] = text;
      sent.add(text);
    }
    pending.clear();
    if (Object.keys(data).length === 0) return null;
    // `<` escaped: the block can never end the script element early.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    return <script type="application/json" data-client-text="" dangerouslySetInnerHTML={{ __html: json }} />;
  });
  return <ClientTextContext.Provider value={state}>{children}</ClientTextContext.Provider>;
}

/** t(): the text as the page shows it (see the top of this file). Pass whole phrases, not pieces of one. */
export function useClientText(): Text {
  const state = useContext(ClientTextContext);
  if (!state.hant) return identity;
  if (state.pending) {
    const pending = state.pending;
    return (text) => {
      if (/[\u3400-\u9fff]/.test(text)) pending.add(text);
      return text;
    };
  }
  return lookup;
}

const identity: Text = (text) => text;
