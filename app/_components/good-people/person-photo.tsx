// A good person's photo from the media library (the `photo` column holds a storage key), or nothing.
import { isStorageKey, mediaUrl } from '@/lib/media-url';

export function PersonPhoto({ photo, alt, width, className }: { photo: string | null | undefined; alt: string; width: 320 | 800; className?: string }) {
  if (!photo || !isStorageKey(photo)) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own WebP sizes, already optimised
    <img src={mediaUrl(photo, width)} alt={alt} loading="lazy" className={className} />
  );
}
