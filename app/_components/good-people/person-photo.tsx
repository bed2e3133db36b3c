// A good person's photo from the media library (the `photo` column holds a storage key), or nothing. A demo
// illustration (its description says 示意图) carries a visible 示意图 label: no one takes it for the person.
import type { MediaVariant } from '@/db/schema';
import { isIllustration, MediaImage } from '../media-image';

export function PersonPhoto({
  photo,
  variants,
  alt,
  describedAlt,
  sizes,
  width,
  priority,
  className,
}: {
  photo: string | null | undefined;
  variants: readonly MediaVariant[] | null | undefined;
  /** The img's alt: '' where the name next to it says everything (cards). */
  alt: string;
  /** The stored description, which decides the 示意图 label. */
  describedAlt: string | null | undefined;
  sizes: string;
  width: number;
  priority?: boolean;
  className?: string;
}) {
  if (!photo) return null;
  return (
    // A div and a small: lists read a card's name from the first span of its link.
    <div className="relative">
      <MediaImage storageKey={photo} variants={variants} alt={alt} sizes={sizes} width={width} priority={priority} className={className} />
      {isIllustration(describedAlt) && (
        <small aria-hidden="true" className="absolute right-1.5 bottom-1.5 rounded bg-black/60 px-1.5 text-xs leading-5 text-white">
          示意图
        </small>
      )}
    </div>
  );
}
