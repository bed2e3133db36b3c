// An image from the media library with its WebP sizes in `srcset`, so a phone loads the 320 px file and a
// desktop the 800 px one. Lazy unless it is the page's first (largest) picture.
import type { MediaVariant } from '@/db/schema';
import { isStorageKey, mediaSrcSet, mediaUrl, pickVariant } from '@/lib/media-url';

export type MediaImageProps = {
  storageKey: string | null | undefined;
  variants: readonly MediaVariant[] | null | undefined;
  alt: string;
  /** The `sizes` attribute: how wide the image is drawn, e.g. "(min-width: 640px) 14rem, 100vw". */
  sizes: string;
  /** The width to use as `src` for browsers without srcset, and for the width/height attributes. */
  width: number;
  /** The page's main picture (largest contentful paint): loaded eagerly, with high priority. */
  priority?: boolean;
  className?: string;
  /**
   * The widest file worth listing in `srcset` (a thumbnail drawn at 8rem never needs the 800 px one). With
   * one file left there is no `srcset` at all: fewer bytes in every list's HTML and RSC payload.
   */
  largest?: number;
};

export function MediaImage({ storageKey, variants: all, alt, sizes, width, priority = false, className, largest }: MediaImageProps) {
  if (!storageKey || !isStorageKey(storageKey)) return null;
  const chosen = all && all.length > 0 ? pickVariant(all, width) : null;
  // The file chosen as `src` stays listed, whatever `largest` says.
  const variants = all && largest !== undefined ? all.filter((v) => v.width <= largest || v === chosen) : all;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own WebP sizes, already optimised
    <img
      src={mediaUrl(storageKey, chosen?.width ?? width)}
      srcSet={variants && variants.length > 1 ? mediaSrcSet(storageKey, variants) : undefined}
      sizes={variants && variants.length > 1 ? sizes : undefined}
      width={chosen?.width}
      height={chosen?.height}
      alt={alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      className={className}
    />
  );
}

/** Demo pictures and editors' illustrations say so in their description; such pictures get a visible 示意图 label. */
export function isIllustration(alt: string | null | undefined): boolean {
  return Boolean(alt && alt.includes('示意图'));
}
