// Error answers that Next.js sends as an empty document (a page's notFound() or forbidden() for a signed-in
// visitor, the editors' pages, an error while a page's shell renders): their message is in the RSC payload
// only, so without JavaScript the page is blank (lib/inline-not-found.ts). serve.ts hands every request's
// answer through explainEmptyErrorDocuments(), which puts the message into such a document in a <noscript>.
// Only GET answers with an error status and an HTML body are held (they are small); everything else streams
// through untouched.
import type http from 'node:http';
import zlib from 'node:zlib';
import { explainErrorDocument } from '@/lib/inline-not-found';

/** Empty error documents are about 15 kB; a longer error answer is a page with content and is sent as it came. */
const HOLD_LIMIT = 256 * 1024;

type Codec = { decode: (body: Buffer) => Buffer; encode: (body: Buffer) => Buffer };

/** The encodings Next.js's compression may have applied (Content-Encoding), undone and redone around the edit. */
const CODECS: Record<string, Codec> = {
  identity: { decode: (body) => body, encode: (body) => body },
  gzip: { decode: (body) => zlib.gunzipSync(body), encode: (body) => zlib.gzipSync(body) },
  deflate: { decode: (body) => zlib.inflateSync(body), encode: (body) => zlib.deflateSync(body) },
  br: {
    decode: (body) => zlib.brotliDecompressSync(body),
    encode: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  },
};

/** The body with its message for `status`, encoded as it came; null when it is not an empty error document. */
export function rewriteErrorDocument(body: Buffer, contentEncoding: string, status: number, path: string): Buffer | null {
  const codec = CODECS[contentEncoding.trim().toLowerCase() || 'identity'];
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
/** The original methods, called with the arguments as given. */
type Raw<T> = (...args: unknown[]) => T;

function chunkBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Watches the answer to one request. The decision is taken at the first write: an error status (400 and up),
 * an HTML body and no Content-Length (which could not change) hold the body until it ends, then send it with
 * the message when it is an empty error document, else as it came. Any other answer is left alone.
 */
export function explainEmptyErrorDocuments(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' || req.headers.rsc !== undefined) return;
  const write = res.write;
  const end = res.end;
  const path = (req.url ?? '/').split('?')[0]!;
  const held: Buffer[] = [];
  let heldBytes = 0;
  let mode: 'undecided' | 'hold' | 'pass' = 'undecided';

  // Passing on never puts the original methods back: Next.js's compression has wrapped these wrappers by then,
  // and restoring them would send its later chunks around it, uncompressed.
  const pass = () => {
    mode = 'pass';
  };
  const decide = () => {
    if (mode !== 'undecided') return;
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode >= 400 && type.startsWith('text/html') && res.getHeader('content-length') === undefined) mode = 'hold';
    else pass();
  };
  const release = () => {
    const body = Buffer.concat(held);
    held.length = 0;
    return body;
  };

  res.write = function (this: http.ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    decide();
    if (mode === 'pass') return (write as Raw<boolean>).apply(this, [chunk, encoding, callback].filter((a) => a !== undefined));
    const cb = (typeof encoding === 'function' ? encoding : callback) as Callback | undefined;
    const buffer = chunkBuffer(chunk, encoding);
    held.push(buffer);
    heldBytes += buffer.length;
    if (heldBytes > HOLD_LIMIT) {
      const body = release();
      pass();
      return (write as Raw<boolean>).apply(this, cb ? [body, cb] : [body]);
    }
    if (cb) process.nextTick(cb);
    return true;
  } as Write;

  res.end = function (this: http.ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    decide();
    if (mode === 'pass') return (end as Raw<http.ServerResponse>).apply(this, [chunk, encoding, callback].filter((a) => a !== undefined));
    const cb = [chunk, encoding, callback].find((a) => typeof a === 'function') as Callback | undefined;
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(chunkBuffer(chunk, encoding));
    const body = release();
    pass();
    let out: Buffer = body;
    try {
      out = rewriteErrorDocument(body, String(res.getHeader('content-encoding') ?? ''), res.statusCode, path) ?? body;
    } catch (error) {
      // The answer as Next.js made it is still right for readers with JavaScript: never lose it over this.
      console.error(`error page: adding the message to ${path} failed`, error);
    }
    return (end as Raw<http.ServerResponse>).apply(this, cb ? [out, cb] : [out]);
  } as End;
}
