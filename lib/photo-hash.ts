// Comparing photos' perceptual hashes (server/image-hash.ts computes them): a difference hash of 64 bits,
// written as 16 hex digits. Two photos within DUPLICATE_DISTANCE bits are taken for the same photo.

export const DUPLICATE_DISTANCE = 6;

const HEX64 = /^[0-9a-f]{16}$/;

export function isPhotoHash(value: string): boolean {
  return HEX64.test(value);
}

/** Bits in which two hashes differ (64 when either is malformed: never "the same"). */
export function hammingDistance(a: string, b: string): number {
  if (!isPhotoHash(a) || !isPhotoHash(b)) return 64;
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x > 0n) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

export function isSamePhoto(a: string, b: string): boolean {
  return hammingDistance(a, b) <= DUPLICATE_DISTANCE;
}
