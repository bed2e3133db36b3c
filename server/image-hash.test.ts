import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hammingDistance, isSamePhoto } from '@/lib/photo-hash';
import { dhashOf } from './image-hash';

/** A 200 x 150 picture: a gradient with a dark block at (x, y). */
async function picture(x: number, y: number, format: 'png' | 'jpeg', width = 200): Promise<Uint8Array> {
  const w = 200;
  const h = 150;
  const pixels = Buffer.alloc(w * h * 3);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) {
      const inBlock = i >= x && i < x + 60 && j >= y && j < y + 50;
      const v = inBlock ? 20 : Math.round((i / w) * 200 + (j / h) * 40);
      pixels.fill(v, (j * w + i) * 3, (j * w + i) * 3 + 3);
    }
  }
  const image = sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).resize(width);
  return new Uint8Array(await (format === 'png' ? image.png() : image.jpeg({ quality: 70 })).toBuffer());
}

describe('photo hashes (dHash)', () => {
  it('recognise the same photo re-encoded and resized, and tell different photos apart', async () => {
    const original = (await dhashOf(await picture(20, 20, 'png')))!;
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    const reencoded = (await dhashOf(await picture(20, 20, 'jpeg', 120)))!;
    expect(isSamePhoto(original, reencoded)).toBe(true);
    const other = (await dhashOf(await picture(120, 90, 'png')))!;
    expect(hammingDistance(original, other)).toBeGreaterThan(6);
  });

  it('gives null for bytes that are no image', async () => {
    expect(await dhashOf(new TextEncoder().encode('not an image'))).toBeNull();
  });
});
