// Tiny template filling for the phrase banks: "{name}在{district}" + { name, district }.

export type Vars = Record<string, string | number>;

/**
 * Replaces every {key}; a key missing from vars is a bug in the phrase banks, so it throws. A number followed
 * by 余 ("{n3}余人次") is an approximate figure, written as reports write them: rounded down to a round number
 * (roughNumber), never "10454余".
 */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}(余)?/g, (_, key: string, about: string | undefined) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template slot {${key}} has no value: ${template}`);
    return about && typeof value === 'number' ? `${roughNumber(value)}余` : String(value);
  });
}

/** 10454 → 1万, 12454 → 1.2万, 5582 → 5500, 651 → 650, 46 → 40, 13 → 10: two significant digits, rounded down. */
export function roughNumber(n: number): string {
  if (n >= 10_000) return `${Math.floor(n / 1000) / 10}万`;
  if (n < 10) return String(n);
  const step = n < 100 ? 10 : 10 ** (String(Math.floor(n)).length - 2);
  return String(Math.floor(n / step) * step);
}

/** Length in characters (code points), as users and the 30-200 rule count them. */
export function charLength(text: string): number {
  return Array.from(text).length;
}

/** Throws when a generated text falls outside [min, max] characters. */
export function assertLength(what: string, text: string, min: number, max: number): string {
  const n = charLength(text);
  if (n < min || n > max) throw new Error(`${what}: ${n} characters, expected ${min}-${max}: ${text}`);
  return text;
}

/** Plain text of generated HTML (tags dropped), to measure article length. */
export function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}
