/** Web addresses in a chat line become links (representatives often send one); everything else stays text. */

export type Part = { text: string; href?: string };

const URL_RE = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Drops punctuation that ends the sentence rather than the address ("see https://x.example/a."). */
function trimEnd(url: string): string {
  let u = url;
  for (;;) {
    const c = u.at(-1);
    if (c === undefined) return u;
    const unbalanced = c === ')' && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0);
    if (!'.,;:!?]}\''.includes(c) && !unbalanced) return u;
    u = u.slice(0, -1);
  }
}

export function linkify(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = trimEnd(m[0]);
    if (/^https?:\/\/$/i.test(url)) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: url, href: url });
    last = m.index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
