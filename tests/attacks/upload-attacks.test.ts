// Every case of the upload-attack corpus (e2e/corpus/uploads) through both upload libraries: citizens'
// attachments (recommendation photos, objection documents) and the editors' media library. Refused
// files leave nothing behind; accepted ones are stored only as re-encoded pixels without metadata.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAttacks, type Outcome, type UploadAttack } from '@/e2e/corpus/uploads/attacks';
import { MediaUploadError, processUpload } from '@/server/media';
import { CitizenFileError, filesOf, privateFileKey, storeCitizenFile } from '@/server/private-files';

// No DATABASE_URL here: files go to the folder backend of server/storage.ts under DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-attacks-'));
const privateDir = () => path.join(dataDir, 'private');
const uploadsDir = () => path.join(dataDir, 'uploads');
const publicDir = path.join(import.meta.dirname, '..', 'public');
let attacks: UploadAttack[];
let publicBefore: string[];

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  attacks = await uploadAttacks();
  publicBefore = listTree(publicDir);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function outcomeOf(run: () => Promise<unknown>): Promise<{ refused: string; message: string } | { stored: unknown }> {
  try {
    return { stored: await run() };
  } catch (error) {
    if (error instanceof CitizenFileError) return { refused: error.problem, message: error.message };
    if (error instanceof MediaUploadError) return { refused: error.code, message: error.message };
    throw error;
  }
}

async function expectClean(bytes: Buffer, attack: UploadAttack) {
  for (const needle of attack.mustNotSurvive ?? []) expect(bytes.includes(needle), `${attack.id}: "${needle}" survived`).toBe(false);
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe('webp');
  expect(meta.exif, `${attack.id}: EXIF kept`).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
}

describe('citizens\' attachments against the upload corpus', () => {
  for (const kind of ['photo', 'attachment'] as const) {
    it(`${kind}s: each case is refused with a Chinese message or stored re-encoded, outside public/`, async () => {
      for (const attack of attacks) {
        const expected: Outcome = attack[kind];
        const before = listTree(privateDir());
        if (expected === 'ignored') {
          // The form reader drops an empty part (what a browser sends when nothing was chosen).
          const form = new FormData();
          form.append('files', new File([new Uint8Array(attack.bytes)], attack.name, { type: attack.mimeType }));
          expect(filesOf(form, 'files', 5)).toEqual({ files: [] });
          continue;
        }
        const result = await outcomeOf(() => storeCitizenFile(new Uint8Array(attack.bytes), { allowPdf: kind === 'attachment' }));
        if (expected === 'stored') {
          expect(result, attack.id).toHaveProperty('stored');
          const stored = (result as { stored: { storageKey: string; format: string } }).stored;
          const file = path.join(dataDir, privateFileKey(stored.storageKey, stored.format));
          expect(file.startsWith(privateDir() + path.sep)).toBe(true);
          await expectClean(fs.readFileSync(file), attack);
        } else {
          expect(result, attack.id).toMatchObject({ refused: expected.refused });
          expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
          expect(listTree(privateDir()), `${attack.id}: a refused file left something behind`).toEqual(before);
        }
      }
    });
  }
});

describe('media library against the upload corpus', () => {
  it('each case is refused with a Chinese message or stored as WebP sizes only', async () => {
    for (const attack of attacks) {
      const expected = attack.media;
      const before = listTree(uploadsDir());
      if (expected === 'ignored' || (typeof expected === 'object' && expected.refused === 'required')) continue; // the action's form check (e2e)
      const result = await outcomeOf(() => processUpload(new Uint8Array(attack.bytes)));
      if (expected === 'stored') {
        expect(result, attack.id).toHaveProperty('stored');
        const { storageKey, variants } = (result as { stored: { storageKey: string; variants: { file: string }[] } }).stored;
        const files = fs.readdirSync(path.join(uploadsDir(), storageKey));
        expect(files.sort()).toEqual(variants.map((v) => v.file).sort());
        for (const file of files) await expectClean(fs.readFileSync(path.join(uploadsDir(), storageKey, file)), attack);
      } else {
        expect(result, attack.id).toMatchObject({ refused: expected.refused });
        expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
        expect(listTree(uploadsDir()), `${attack.id}: a refused file left something behind`).toEqual(before);
      }
    }
  });

  it('nothing was written to public/', () => {
    expect(listTree(publicDir)).toEqual(publicBefore);
    expect(fs.existsSync(path.join(dataDir, '..', '..', 'x.png'))).toBe(false);
  });
});
