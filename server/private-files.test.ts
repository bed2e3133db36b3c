import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenFileError, MAX_CITIZEN_FILE_BYTES, filesOf, isPdf, pdfHasActiveContent, privateFileKey, storeCitizenFile } from './private-files';

// No DATABASE_URL here: files go to the folder backend of server/storage.ts under DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-files-'));
const privateFilePath = (storageKey: string, format: string) => path.join(dataDir, privateFileKey(storageKey, format));
const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF\n`);

beforeAll(() => {
  process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof CitizenFileError ? error.problem : `unexpected: ${String(error)}`;
  }
}

describe('PDF checks', () => {
  it('recognises PDFs by their bytes', () => {
    expect(isPdf(pdf('1 0 obj << /Type /Catalog >> endobj'))).toBe(true);
    expect(isPdf(new TextEncoder().encode('<html>%PDF-'))).toBe(false);
  });

  it('finds scripts, launch actions and embedded files, also when the names are #-escaped', () => {
    expect(pdfHasActiveContent(pdf('<< /Type /Catalog >>'))).toBe(false);
    expect(pdfHasActiveContent(pdf('<< /S /JavaScript /JS (app.alert(1)) >>'))).toBe(true);
    expect(pdfHasActiveContent(pdf('<< /OpenAction 5 0 R >>'))).toBe(true);
    expect(pdfHasActiveContent(pdf('<< /S /Launch /F (cmd.exe) >>'))).toBe(true);
    expect(pdfHasActiveContent(pdf('<< /Type /EmbeddedFile >>'))).toBe(true);
    expect(pdfHasActiveContent(pdf('<< /S /Java#53cript >>'))).toBe(true);
  });

  it('looks inside compressed object streams', () => {
    const hidden = deflateSync(Buffer.from('1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'));
    const harmless = deflateSync(Buffer.from('BT /F1 12 Tf (Hello) Tj ET'));
    const withStream = (data: Buffer) =>
      Buffer.concat([Buffer.from('%PDF-1.5\n2 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n'), data, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
    expect(pdfHasActiveContent(withStream(hidden))).toBe(true);
    expect(pdfHasActiveContent(withStream(harmless))).toBe(false);
  });
});

describe('storeCitizenFile', () => {
  it('re-encodes an image to WebP without metadata, outside the public uploads folder', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .png()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera' } } })
      .toBuffer();
    const stored = await storeCitizenFile(png, { allowPdf: false });
    expect(stored.format).toBe('webp');
    const file = privateFilePath(stored.storageKey, 'webp');
    expect(file.startsWith(path.join(dataDir, 'private'))).toBe(true);
    const bytes = fs.readFileSync(file);
    expect(bytes.includes('secret-camera')).toBe(false);
    expect((await sharp(bytes).metadata()).width).toBe(40);
  });

  it('keeps a clean PDF and refuses an active one, or any PDF where only photos are allowed', async () => {
    const clean = await storeCitizenFile(pdf('<< /Type /Catalog >>'), { allowPdf: true });
    expect(fs.existsSync(privateFilePath(clean.storageKey, 'pdf'))).toBe(true);
    expect(await problemOf(storeCitizenFile(pdf('<< /JS (x) >>'), { allowPdf: true }))).toBe('pdf_active');
    expect(await problemOf(storeCitizenFile(pdf('<< /Type /Catalog >>'), { allowPdf: false }))).toBe('format');
  });

  it('refuses renamed scripts, SVG, oversized files and truncated images', async () => {
    expect(await problemOf(storeCitizenFile(new TextEncoder().encode('#!/bin/sh\nrm -rf /'), { allowPdf: true }))).toBe('format');
    expect(await problemOf(storeCitizenFile(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), { allowPdf: true }))).toBe('format');
    expect(await problemOf(storeCitizenFile(new Uint8Array(MAX_CITIZEN_FILE_BYTES + 1), { allowPdf: true }))).toBe('too_large');
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0c0' } }).png().toBuffer();
    expect(await problemOf(storeCitizenFile(png.subarray(0, 60), { allowPdf: false }))).toBe('corrupt');
  });

  it('refuses a decompression bomb before decoding it', async () => {
    // A 1x1 PNG whose header is patched to declare 20000 x 20000 pixels (400 MP, over the 40 MP limit).
    const bomb = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
    bomb.writeUInt32BE(20000, 16);
    bomb.writeUInt32BE(20000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect(await problemOf(storeCitizenFile(bomb, { allowPdf: false }))).toBe('dimensions');
  });
});

describe('filesOf', () => {
  it('ignores the empty entry of an untouched file input and caps the count', () => {
    const form = new FormData();
    form.append('photos', new File([], ''));
    expect(filesOf(form, 'photos', 5)).toEqual({ files: [] });
    for (let i = 0; i < 6; i += 1) form.append('photos', new File(['x'], `${i}.png`));
    expect(filesOf(form, 'photos', 5)).toEqual({ error: '最多上传5个文件' });
  });
});
