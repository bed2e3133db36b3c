// The upload-attack corpus: hostile files made at test time (the repository stays small). Each case
// says what every upload path must do with it: refuse it with which problem, or accept it and store
// only re-encoded pixels. Used by tests/attacks/upload-attacks.test.ts (library level, every case) and by
// e2e/security-uploads.spec.ts (the real server actions and forms).
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Refused with this problem code (server/private-files.ts CitizenFileProblem / server/media.ts UploadErrorCode), stored sanitised, or ignored as "no file". */
export type Outcome = { refused: string } | 'stored' | 'ignored';

export type UploadAttack = {
  id: string;
  /** The file name the client sends (some try path traversal or a misleading extension). */
  name: string;
  mimeType: string;
  bytes: Buffer;
  /** Recommendation photos (images only). */
  photo: Outcome;
  /** Objection attachments (images and plain PDFs). */
  attachment: Outcome;
  /** The editors' media library. */
  media: Outcome;
  /** Text that must never reach stored output (a script, a camera model, a GPS tag). */
  mustNotSurvive?: string[];
};

const text = (s: string) => Buffer.from(s, 'utf8');

/** A PNG chunk with its length and CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A decompression bomb written by hand: an 8-bit greyscale PNG that declares `side` x `side` pixels
 * (100000 x 100000 = 10 gigapixels) with a few compressed rows of zeros. Tiny on disk, huge if decoded.
 */
export function pngBomb(side = 100_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 4), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

function pdf(objects: string[]): Buffer {
  return text(`%PDF-1.7\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj`).join('\n')}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

const solid = (width: number, height: number, colour = '#2a7ab8') => sharp({ create: { width, height, channels: 3, background: colour } });

const refused = (problem: string): Outcome => ({ refused: problem });
const everywhere = (problem: string) => ({ photo: refused(problem), attachment: refused(problem), media: refused(problem) });

/** Just over both size limits (citizens 5 MB, media library 10 MB); starts like a JPEG. */
export const OVERSIZED_BYTES = 10 * 1024 * 1024 + 1;

export async function uploadAttacks(): Promise<UploadAttack[]> {
  const gif = await solid(40, 30, '#c33').gif().toBuffer();
  const png = await solid(64, 48).png().toBuffer();
  const withGps = await solid(64, 48, '#3a3')
    .jpeg()
    .withExif({ IFD0: { Make: 'secret-camera', Model: 'spy-phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 17/1 0/1' } })
    .toBuffer();
  const oversized = Buffer.alloc(OVERSIZED_BYTES);
  oversized.set([0xff, 0xd8, 0xff, 0xe0]);

  return [
    { id: 'png-bomb', name: 'bomb.png', mimeType: 'image/png', bytes: pngBomb(), ...everywhere('dimensions') },
    { id: 'renamed-php', name: 'evil.jpg', mimeType: 'image/jpeg', bytes: text('<?php system($_GET["c"]); ?>\n'), ...everywhere('format') },
    { id: 'renamed-shell', name: 'evil.png', mimeType: 'image/png', bytes: text('#!/bin/sh\nrm -rf / --no-preserve-root\n'), ...everywhere('format') },
    { id: 'renamed-html', name: 'evil.jpg', mimeType: 'image/jpeg', bytes: text('<!doctype html><html><body><script>window.__xss=1</script></body></html>'), ...everywhere('format') },
    {
      id: 'svg-script',
      name: 'evil.svg',
      mimeType: 'image/svg+xml',
      bytes: text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="window.__xss=1"><script>window.__xss=1</script></svg>'),
      ...everywhere('format'),
    },
    {
      id: 'pdf-javascript',
      name: '情况说明.pdf',
      mimeType: 'application/pdf',
      bytes: pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /S /JavaScript /JS (app.alert(1)) >>']),
      photo: refused('format'),
      attachment: refused('pdf_active'),
      media: refused('format'),
    },
    {
      id: 'pdf-launch',
      name: '证明材料.pdf',
      mimeType: 'application/pdf',
      bytes: pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
      photo: refused('format'),
      attachment: refused('pdf_active'),
      media: refused('format'),
    },
    {
      // Only the names are hidden with #xx escapes: a reader still runs it.
      id: 'pdf-escaped-names',
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      bytes: pdf(['<< /Type /Catalog /Pages 2 0 R /Open#41ction << /S /Java#53cript /JS (app.alert(1)) >> >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
      photo: refused('format'),
      attachment: refused('pdf_active'),
      media: refused('format'),
    },
    { id: 'oversized', name: 'huge.jpg', mimeType: 'image/jpeg', bytes: oversized, ...everywhere('too_large') },
    {
      // Starts like a GIF, then is JavaScript: not a decodable image.
      id: 'polyglot-gif-js-head',
      name: 'poly.gif',
      mimeType: 'image/gif',
      bytes: Buffer.concat([text('GIF89a=1;window.__xss=1;//'), Buffer.alloc(64)]),
      ...everywhere('corrupt'),
    },
    {
      // A real GIF with a script after its trailer: accepted, but only the re-encoded pixels are kept.
      id: 'polyglot-gif-js-tail',
      name: 'poly2.gif',
      mimeType: 'image/gif',
      bytes: Buffer.concat([gif, text('\n/*polyglot*/window.__xss=1;//')]),
      photo: 'stored',
      attachment: 'stored',
      media: 'stored',
      mustNotSurvive: ['__xss', 'polyglot'],
    },
    { id: 'exif-gps', name: 'IMG_0001.jpg', mimeType: 'image/jpeg', bytes: withGps, photo: 'stored', attachment: 'stored', media: 'stored', mustNotSurvive: ['secret-camera', 'spy-phone', 'Exif'] },
    { id: 'truncated-png', name: 'cut.png', mimeType: 'image/png', bytes: png.subarray(0, 60), ...everywhere('corrupt') },
    // A browser sends an empty part when nothing was chosen: citizens' forms ignore it; the media library asks for a file.
    { id: 'zero-byte', name: 'empty.png', mimeType: 'image/png', bytes: Buffer.alloc(0), photo: 'ignored', attachment: 'ignored', media: refused('required') },
    { id: 'path-traversal-name', name: '../../x.png', mimeType: 'image/png', bytes: png, photo: 'stored', attachment: 'stored', media: 'stored' },
    { id: 'png-claims-svg', name: 'logo.svg', mimeType: 'image/svg+xml', bytes: png, photo: 'stored', attachment: 'stored', media: 'stored' },
  ];
}
