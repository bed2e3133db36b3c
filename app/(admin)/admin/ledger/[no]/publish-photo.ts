// The public copy of an item's photo: the private original (server/storage.ts) with the chosen rectangles
// blurred beyond recognition (pixelated, then blurred), handed to the media path (server/media.ts
// processUpload: WebP sizes, no EXIF). Server only (sharp). Rectangles are in percent of the picture.
import sharp from 'sharp';
import { z } from 'zod';
import { MAX_INPUT_PIXELS, processUpload, type ProcessedUpload } from '@/server/media';
import { MAX_BLUR_RECTS } from './blur-limits';

export type BlurRect = { x: number; y: number; w: number; h: number };

const percent = z
  .string()
  .trim()
  .optional()
  .default('')
  .refine((v) => v === '' || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), '请填写0-100之间的数');

/** The form's r0x..r5h fields; a row is either empty or four numbers that stay inside the picture. */
export const blurFields = z
  .object(Object.fromEntries(Array.from({ length: MAX_BLUR_RECTS }, (_, i) => ['x', 'y', 'w', 'h'].map((f) => [`r${i}${f}`, percent])).flat()) as Record<string, typeof percent>)
  .transform((values, context) => {
    const rects: BlurRect[] = [];
    for (let i = 0; i < MAX_BLUR_RECTS; i++) {
      const row = ['x', 'y', 'w', 'h'].map((f) => values[`r${i}${f}`] ?? '');
      if (row.every((v) => v === '')) continue;
      const [x, y, w, h] = row.map(Number) as [number, number, number, number];
      if (row.some((v) => v === '')) context.addIssue({ code: 'custom', path: [`r${i}`], message: `区域${i + 1}：请把左边距、上边距、宽度、高度都填上，或全部留空` });
      else if (w <= 0 || h <= 0) context.addIssue({ code: 'custom', path: [`r${i}`], message: `区域${i + 1}：宽度和高度须大于0` });
      else if (x + w > 100.05 || y + h > 100.05) context.addIssue({ code: 'custom', path: [`r${i}`], message: `区域${i + 1}超出了图片：左边距加宽度、上边距加高度都不能超过100` });
      else rects.push({ x, y, w, h });
    }
    return rects;
  });

/** The original with each rectangle pixelated and blurred, as PNG bytes (lossless until the media path). */
export async function redactedImage(original: Uint8Array, rects: readonly BlurRect[]): Promise<Buffer> {
  const image = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true });
  const { width, height } = (await image.metadata()).autoOrient;
  const flat = await image.png().toBuffer(); // the orientation applied once, so regions line up
  const overlays = await Promise.all(
    rects.map(async (r) => {
      const left = Math.min(width - 1, Math.max(0, Math.floor((r.x / 100) * width)));
      const top = Math.min(height - 1, Math.max(0, Math.floor((r.y / 100) * height)));
      const w = Math.max(1, Math.min(width - left, Math.ceil((r.w / 100) * width)));
      const h = Math.max(1, Math.min(height - top, Math.ceil((r.h / 100) * height)));
      // Down to a few blocks, so no detail survives; then back up and softened.
      const blocks = await sharp(flat).extract({ left, top, width: w, height: h }).resize(Math.max(1, Math.round(w / 24)), Math.max(1, Math.round(h / 24)), { fit: 'fill' }).png().toBuffer();
      const input = await sharp(blocks).resize(w, h, { fit: 'fill', kernel: 'nearest' }).blur(Math.max(2, Math.min(w, h) / 20)).png().toBuffer();
      return { input, left, top };
    }),
  );
  return overlays.length === 0 ? flat : sharp(flat).composite(overlays).png().toBuffer();
}

/** Stores the redacted copy as a media upload (WebP sizes); the caller saves its row in its transaction. */
export async function publicCopy(original: Uint8Array, rects: readonly BlurRect[]): Promise<ProcessedUpload> {
  return processUpload(new Uint8Array(await redactedImage(original, rects)), { maxBytes: 64 * 1024 * 1024 });
}
