import { highlightSensitive } from '@/lib/sensitive-words';

/** Citizen text with the flagged sensitive words marked (<mark>, styled in both palettes), line breaks kept. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <span className="whitespace-pre-line">
      {highlightSensitive(text, words).map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded px-0.5">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </span>
  );
}

/** “敏感词：诈骗、赌博” when the screen flagged any. */
export function FlaggedWords({ words }: { words: readonly string[] }) {
  if (words.length === 0) return null;
  return (
    <p className="rounded border border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-900">
      命中敏感词：{words.join('、')}（已在下文标出，请核实内容）
    </p>
  );
}
