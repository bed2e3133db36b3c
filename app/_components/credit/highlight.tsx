/** Text with every case-insensitive occurrence of `fragment` wrapped in <mark> (the matched part of a name). */
export function Highlight({ text, fragment }: { text: string; fragment: string }) {
  const haystack = text.toLowerCase();
  const needle = fragment.toLowerCase();
  // Case folding can change lengths in rare scripts: then show the text plainly rather than misplace marks.
  if (!needle || haystack.length !== text.length || needle.length !== fragment.length) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="rounded-sm bg-yellow-200 text-ink">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
