// Error answers that Next.js sends as an empty document (a page's notFound() or forbidden() for a signed-in
// visitor, the editors' pages, an error while a page's shell renders): their message is in the RSC payload
// only, so without JavaScript the page is blank (lib/inline-not-found.ts). serve.ts hands every request's
// answer through explainEmptyErrorDocuments(), which puts the message into such a document in a <noscript>.
// Only the first bytes of GET answers with an error status and an HTML body are looked at before they go on,
// and only an empty error document (small) is held to its end; everything else streams through untouched.
import type http from 'node:http';
import zlib from 'node:zlib';
import { explainErrorDocument, isEmptyErrorDocument } from '@/lib/inline-not-found';

/** Empty error documents are about 15 kB; a longer error answer is a page with content and is sent as it came. */
const HOLD_LIMIT = 256 * 1024;
/** Decoded, an answer is never allowed to grow past this (a bound on the work of a small compressed body). */
const MAX_DECODED = 4 * 1024 * 1024;
/** Enough decoded bytes to tell an empty error document from any other page (lib/inline-not-found.ts). */
const PREFIX_BYTES = 64;

type Codec = { decode: (body: Buffer, partial?: boolean) => Buffer; encode: (body: Buffer) => Buffer };

const zlibOptions = (partial?: boolean): zlib.ZlibOptions => ({ maxOutputLength: MAX_DECODED, ...(partial ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}) });

/**
 * The encodings Next.js's compression may have applied (Content-Encoding), undone and redone around the edit.
 * `partial`: decode what has arrived so far (a stream cut short decodes as far as it goes).
 */
const CODECS: Record<string, Codec> = {
  identity: { decode: (body) => body, encode: (body) => body },
  gzip: { decode: (body, partial) => zlib.gunzipSync(body, zlibOptions(partial)), encode: (body) => zlib.gzipSync(body) },
  deflate: { decode: (body, partial) => zlib.inflateSync(body, zlibOptions(partial)), encode: (body) => zlib.deflateSync(body) },
  br: {
    decode: (body, partial) =>
      zlib.brotliDecompressSync(body, { maxOutputLength: MAX_DECODED, ...(partial ? { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}) }),
    encode: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  },
};

const codecOf = (contentEncoding: string): Codec | undefined => CODECS[contentEncoding.trim().toLowerCase() || 'identity'];

/**
 * What the start of a body says: 'error' for an empty error document, 'other' for anything else (or a body that
 * cannot be decoded), null while too little of it has arrived to tell.
 */
export function bodyStart(start: Buffer, contentEncoding: string): 'error' | 'other' | null {
  const codec = codecOf(contentEncoding);
  if (!codec) return 'other';
  let decoded: Buffer;
  try {
    decoded = codec.decode(start, true);
  } catch {
    return 'other';
  }
  if (decoded.length < PREFIX_BYTES) return null;
  return isEmptyErrorDocument(decoded.subarray(0, 200).toString('utf8')) ? 'error' : 'other';
}

/** The body with its message for `status`, encoded as it came; null when it is not an empty error document. */
export function rewriteErrorDocument(body: Buffer, contentEncoding: string, status: number, path: string): Buffer | null {
  const codec = codecOf(contentEncoding);
  if (!codec) return null;
  let html: string;
  try {
    html = codec.decode(body).toString('utf8');
  } catch {
    return null;
  }
  const explained = explainErrorDocument(html, status, path);
  return explained === null ? null : codec.encode(Buffer.from(explained, 'utf8'));
}

type Write = http.ServerResponse['write'];
type End = http.ServerResponse['end'];
type Callback = (error?: Error | null) => void;

function chunkBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Watches the answer to one request. An error status (400 and up), an HTML body and no Content-Length (which
 * could not change) make it hold the body's first bytes; as soon as they show that it is not an empty error
 * document, what was held is sent and the rest streams on. An empty error document (about 15 kB) is held to its
 * end and sent with its message. Every other answer is left alone from its first write.
 */
export function explainEmptyErrorDocuments(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' || req.headers.rsc !== undefined) return;
  const write = res.write;
  const end = res.end;
  const path = (req.url ?? '/').split('?')[0]!;
  const held: Buffer[] = [];
  let heldBytes = 0;
  // 'hold': an error answer whose start is not known yet; 'document': an empty error document, held to its end.
  let mode: 'undecided' | 'hold' | 'document' | 'pass' = 'undecided';

  // Passing on never puts the original methods back: Next.js's compression has wrapped these wrappers by then,
  // and restoring them would send its later chunks around it, uncompressed.
  const decide = () => {
    if (mode !== 'undecided') return;
    const type = String(res.getHeader('content-type') ?? '');
    mode = res.statusCode >= 400 && type.startsWith('text/html') && res.getHeader('content-length') === undefined ? 'hold' : 'pass';
  };
  const release = () => {
    const body = Buffer.concat(held);
    held.length = 0;
    return body;
  };
  const encoding = () => String(res.getHeader('content-encoding') ?? '');

  res.write = function (this: http.ServerResponse, chunk: unknown, chunkEncoding?: unknown, callback?: unknown) {
    decide();
    // eslint-disable-next-line prefer-rest-params -- the arguments exactly as given, without copying them per chunk
    if (mode === 'pass') return Reflect.apply(write, this, arguments) as boolean;
    const cb = (typeof chunkEncoding === 'function' ? chunkEncoding : callback) as Callback | undefined;
    const buffer = chunkBuffer(chunk, chunkEncoding);
    held.push(buffer);
    heldBytes += buffer.length;
    if (mode === 'hold') {
      const start = bodyStart(Buffer.concat(held), encoding());
      if (start === 'error') mode = 'document';
      else if (start === 'other') mode = 'pass';
    }
    if (mode === 'pass' || heldBytes > HOLD_LIMIT) {
      mode = 'pass';
      return Reflect.apply(write, this, cb ? [release(), cb] : [release()]) as boolean;
    }
    if (cb) process.nextTick(cb);
    return true;
  } as Write;

  res.end = function (this: http.ServerResponse, chunk?: unknown, chunkEncoding?: unknown, callback?: unknown) {
    decide();
    // eslint-disable-next-line prefer-rest-params -- as in write
    if (mode === 'pass') return Reflect.apply(end, this, arguments) as http.ServerResponse;
    const cb = [chunk, chunkEncoding, callback].find((a) => typeof a === 'function') as Callback | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(chunkBuffer(chunk, chunkEncoding));
    const body = release();
    mode = 'pass';
    let out: Buffer = body;
    try {
      out = rewriteErrorDocument(body, encoding(), res.statusCode, path) ?? body;
    } catch (error) {
      // The answer as Next.js made it is still right for readers with JavaScript: never lose it over this.
      console.error(`error page: adding the message to ${path} failed`, error);
    }
    return Reflect.apply(end, this, cb ? [out, cb] : [out]) as http.ServerResponse;
  } as End;
}
