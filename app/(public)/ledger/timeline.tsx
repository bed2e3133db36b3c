'use client';
// 办理过程: an item's steps, oldest first, with their public notes; on the reporter's look-up also the notes
// meant for the reporter only. A client component only because the look-up's answer (a server action's
// state) shows it too: its text goes through t() for 繁體 mode.
import { useClientText } from '@/app/_components/client-text';

export type TimelineStep = {
  /** 受理, 交办, 销号… (ISSUE_EVENT_LABELS). */
  label: string;
  /** 2026-11-22 08:30, city time. */
  at: string;
  unitName: string | null;
  publicNote: string | null;
  /** Only on the reporter's own look-up. */
  reporterNote?: string | null;
};

export function Timeline({ steps }: { steps: TimelineStep[] }) {
  const t = useClientText();
  if (steps.length === 0) return <p className="text-sm text-muted">{t('暂无办理记录。')}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-line pl-4">
      {steps.map((step, i) => (
        <li key={i} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full border-2 border-brand bg-white" />
          <p className="flex flex-wrap items-baseline gap-x-3">
            <strong>{t(step.label)}</strong>
            <span className="text-sm text-muted">{step.at}</span>
            {step.unitName && <span className="text-sm">{step.unitName}</span>}
          </p>
          {step.publicNote && <p className="mt-1 whitespace-pre-line break-words text-sm">{step.publicNote}</p>}
          {step.reporterNote && (
            <p className="mt-1 whitespace-pre-line break-words rounded bg-canvas px-2 py-1 text-sm">
              <span className="font-medium">{t('给您的说明：')}</span>
              {step.reporterNote}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
