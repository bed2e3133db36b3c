// The perceptual hash of a photo (64-bit difference hash): the image shrunk to 9 x 8 grey pixels, one bit
// per neighbouring pair (left brighter than right). Re-encoding, resizing and small edits change few
// bits, so the same photo sent twice is recognised (lib/photo-hash.ts compares). Server only (sharp).
import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from './media';

/** 16 hex digits, or null when the bytes are no readable image. */
export async function dhashOf(bytes: Uint8Array): Promise<string | null> {
  try {
    const pixels = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true }).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
    let hash = 0n;
    for (let y = 0; y < 8; y += 1) {
      for (let x = 0; x < 8; x += 1) {
        hash = (hash << 1n) | (pixels[y * 9 + x]! > pixels[y * 9 + x + 1]! ? 1n : 0n);
      }
    }
    return hash.toString(16).padStart(16, '0');
  } catch {
    return null;
  }
}
