// Text from a URL or form used as a lookup key. PostgreSQL refuses NUL characters in text (an error,
// so a 500), and no real key is longer than a few hundred characters: such input simply finds nothing.
export function isLookupText(value: string, maxLength = 200): boolean {
  return value.length > 0 && value.length <= maxLength && !value.includes('\u0000');
}

/** `%fragment%` for LIKE with LIKE's own wildcards escaped, so that a user's % or _ matches literally. */
export function likeContains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `prefix%` for LIKE, with LIKE's wildcards in the prefix escaped. */
export function likeStartsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
