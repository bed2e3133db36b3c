'use client';
// 繁體 mode only: converts the text that client components render in the browser. The server sends
// every page converted (proxy.ts), but a client component's own strings ("提交中…", a like message,
// the first render during hydration) come from its JavaScript, in Simplified. This watches the page
// and sends new Chinese text to /api/script/convert in small batches. What people type into fields is
// never touched, nor anything marked lang="zh-Hans" or data-keep-script (the 简体 switch).
import { useEffect } from 'react';

const CJK = /[\u3400-\u9fff]/;
const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'] as const;
const SKIP = 'script, style, textarea, input, select, [contenteditable], [lang="zh-Hans"], [data-keep-script]';
const BATCH = 400;

export function TraditionalText() {
  useEffect(() => {
    const known = new Map<string, string>(); // Simplified text → Traditional (identical when nothing to change)
    const pendingTexts = new Set<Text>();
    const pendingAttrs = new Set<Element>();
    let timer: number | undefined;
    let stopped = false;

    const skipped = (node: Node) => {
      const element = node instanceof Element ? node : node.parentElement;
      return !element || element.closest(SKIP) !== null;
    };

    const apply = () => {
      for (const text of pendingTexts) {
        const to = known.get(text.data);
        if (to !== undefined && to !== text.data) text.data = to;
      }
      for (const element of pendingAttrs) {
        for (const name of ATTRIBUTES) {
          const value = element.getAttribute(name);
          const to = value === null ? undefined : known.get(value);
          if (to !== undefined && to !== value) element.setAttribute(name, to);
        }
      }
      pendingTexts.clear();
      pendingAttrs.clear();
    };

    const flush = async () => {
      timer = undefined;
      const wanted = new Set<string>();
      for (const text of pendingTexts) if (!known.has(text.data)) wanted.add(text.data);
      for (const element of pendingAttrs) {
        for (const name of ATTRIBUTES) {
          const value = element.getAttribute(name);
          if (value && CJK.test(value) && !known.has(value)) wanted.add(value);
        }
      }
      const list = [...wanted];
      for (let i = 0; i < list.length; i += BATCH) {
        const part = list.slice(i, i + BATCH);
        try {
          const response = await fetch('/api/script/convert', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ texts: part }) });
          if (!response.ok) return;
          const { texts } = (await response.json()) as { texts: string[] };
          part.forEach((from, j) => known.set(from, texts[j] ?? from));
        } catch {
          return; // offline or navigating away: the text simply stays as it is
        }
      }
      if (!stopped) apply();
    };

    const collect = (root: Node) => {
      if (skipped(root)) return;
      if (root instanceof Text) {
        if (CJK.test(root.data)) pendingTexts.add(root);
        return;
      }
      if (root instanceof Element) {
        if (ATTRIBUTES.some((name) => CJK.test(root.getAttribute(name) ?? ''))) pendingAttrs.add(root);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (skipped(node)) continue;
          if (node instanceof Text) {
            if (CJK.test(node.data)) pendingTexts.add(node);
          } else if (node instanceof Element && ATTRIBUTES.some((name) => CJK.test(node.getAttribute(name) ?? ''))) {
            pendingAttrs.add(node);
          }
        }
      }
    };

    const schedule = () => {
      if (timer === undefined) timer = window.setTimeout(() => void flush(), 30);
    };

    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') collect(record.target);
        else if (record.type === 'attributes') collect(record.target);
        else record.addedNodes.forEach(collect);
      }
      if (pendingTexts.size > 0 || pendingAttrs.size > 0) schedule();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
    // The root layout says zh-CN; a client-side re-render (after a hydration mismatch) puts it back.
    const html = document.documentElement;
    const keepLang = () => {
      if (html.lang !== 'zh-Hant') html.lang = 'zh-Hant';
    };
    keepLang();
    const langObserver = new MutationObserver(keepLang);
    langObserver.observe(html, { attributes: true, attributeFilter: ['lang'] });
    collect(document.body);
    schedule();
    return () => {
      stopped = true;
      observer.disconnect();
      langObserver.disconnect();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
  return null;
}
