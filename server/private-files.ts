// Citizens' attachments (recommendation photos, objection documents): checked, cleaned and kept in the
// file store (server/storage.ts) as private/<storage key>.<webp|pdf>, which no public route serves:
// staff open them through /admin/files/<id>. Server only.
import { randomBytes } from 'node:crypto';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { MAX_INPUT_PIXELS, sniffImageFormat } from './media';
import { fileStore, type FileStore, type OpenedFile } from './storage';
import { STORAGE_KEY_PATTERN } from '@/lib/media-url';

/** Per file; a form takes at most 5 files, which keeps a whole submission under the 32 MB body limit. */
export const MAX_CITIZEN_FILE_BYTES = 5 * 1024 * 1024;
/** Largest side of a stored photo: enough to judge it, small enough to keep the folder modest. */
const MAX_SIDE = 2000;

export type CitizenFileProblem = 'format' | 'too_large' | 'dimensions' | 'corrupt' | 'pdf_active';

const MESSAGES: Record<CitizenFileProblem, string> = {
  format: '只能上传 JPEG、PNG、WebP、GIF 图片或 PDF 文件（按文件内容识别，不看扩展名）',
  too_large: '单个文件不能超过5MB，请压缩后再上传',
  dimensions: '图片尺寸过大（不能超过4000万像素）',
  corrupt: '无法读取该文件，文件可能已损坏',
  pdf_active: 'PDF 中含有脚本、附件或自动动作，出于安全原因无法接收，请另存为普通 PDF 或拍照上传',
};

export class CitizenFileError extends Error {
  readonly problem: CitizenFileProblem;
  constructor(problem: CitizenFileProblem) {
    super(MESSAGES[problem]);
    this.name = 'CitizenFileError';
    this.problem = problem;
  }
}

import type { StoredCitizenFile } from '@/lib/stored-files';
export type { StoredCitizenFile };

/** The store key of an attachment. */
export function privateFileKey(storageKey: string, format: string): string {
  if (!STORAGE_KEY_PATTERN.test(storageKey) || (format !== 'webp' && format !== 'pdf')) throw new Error('bad private file key');
  return `private/${storageKey}.${format}`;
}

const CONTENT_TYPE = { webp: 'image/webp', pdf: 'application/pdf' } as const;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
// Names of PDF features that run code or carry other files. Their presence (even obfuscated with #xx
// escapes, which we decode first) refuses the file: staff open these documents on office machines.
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|OpenAction|AA|SubmitForm|ImportData|GoToE|GoToR)\b/;

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

const decodeNames = (text: string) => text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
// Inflated streams are scanned too (object streams hide dictionaries there since PDF 1.5); the total is
// bounded so that a compressed bomb cannot exhaust memory, and a PDF over the bound is refused.
const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

/** Whether a PDF names an active feature (scripts, launch actions, embedded files, forms that submit). */
export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const raw = Buffer.from(bytes);
  const text = raw.toString('latin1');
  if (PDF_ACTIVE.test(decodeNames(text))) return true;
  let budget = MAX_INFLATED_BYTES;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) break;
    try {
      const inflated = inflateSync(raw.subarray(start, end), { maxOutputLength: budget, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      budget -= inflated.byteLength;
      if (PDF_ACTIVE.test(decodeNames(inflated.toString('latin1')))) return true;
    } catch (error) {
      // Not Flate data (images, other filters): nothing to scan. Over the budget: refuse.
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return true;
    }
    if (budget <= 0) return true;
    streams.lastIndex = end;
  }
  return false;
}

/**
 * Checks one attachment and stores it. Images are re-encoded to WebP (EXIF rotation applied, metadata
 * such as GPS position dropped); PDFs are accepted only without active content. `allowPdf` is false
 * for recommendation photos.
 */
export async function storeCitizenFile(bytes: Uint8Array, options: { allowPdf: boolean; store?: FileStore }): Promise<StoredCitizenFile> {
  if (bytes.byteLength > MAX_CITIZEN_FILE_BYTES) throw new CitizenFileError('too_large');
  const store = options.store ?? fileStore();
  const storageKey = randomBytes(16).toString('hex');
  if (isPdf(bytes)) {
    if (!options.allowPdf) throw new CitizenFileError('format');
    if (pdfHasActiveContent(bytes)) throw new CitizenFileError('pdf_active');
    await store.put(privateFileKey(storageKey, 'pdf'), bytes, CONTENT_TYPE.pdf);
    return { storageKey, format: 'pdf', bytes: bytes.byteLength };
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw new CitizenFileError('format');
  let out: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true });
    const meta = await image.metadata();
    if (meta.format !== format) throw new CitizenFileError('corrupt');
    out = await image.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  } catch (error) {
    if (error instanceof CitizenFileError) throw error;
    throw new CitizenFileError(error instanceof Error && /pixel limit/i.test(error.message) ? 'dimensions' : 'corrupt');
  }
  await store.put(privateFileKey(storageKey, 'webp'), out, CONTENT_TYPE.webp);
  return { storageKey, format: 'webp', bytes: out.byteLength };
}

export async function removeCitizenFile(storageKey: string, format: string, store: FileStore = fileStore()): Promise<void> {
  await store.delete(privateFileKey(storageKey, format));
}

/** An attachment's bytes (e.g. a recommendation photo taken into the media library), or null. */
export async function readCitizenFile(storageKey: string, format: string, store: FileStore = fileStore()): Promise<Uint8Array | null> {
  return store.get(privateFileKey(storageKey, format));
}

/** An attachment ready to serve to staff, or null. */
export async function openCitizenFile(storageKey: string, format: string, store: FileStore = fileStore()): Promise<OpenedFile | null> {
  return store.open(privateFileKey(storageKey, format));
}

/**
 * Reads the files of a form field (`<input type=file multiple>`), ignoring the empty entry browsers
 * send when nothing was chosen. Returns an error message when there are more than `max`.
 */
export function filesOf(formData: FormData, field: string, max: number): { files: File[] } | { error: string } {
  const files = formData.getAll(field).filter((v): v is File => typeof v !== 'string' && v.size > 0);
  if (files.length > max) return { error: `最多上传${max}个文件` };
  return { files };
}
