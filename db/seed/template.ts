// Tiny template filling for the phrase banks: "{name}在{district}" + { name, district }.

export type Vars = Record<string, string | number>;

/** Replaces every {key}; a key missing from vars is a bug in the phrase banks, so it throws. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template slot {${key}} has no value: ${template}`);
    return String(value);
  });
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
