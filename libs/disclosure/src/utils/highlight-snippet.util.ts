const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Hit {
  start: number;
  end: number;
  term: string;
}

function findHits(text: string, terms: readonly string[]): Hit[] {
  const lower = text.toLowerCase();
  const hits: Hit[] = [];
  // Longest terms first so 公交站点 is marked whole rather than as 公交 + 站点.
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      if (!hits.some((hit) => at < hit.end && at + term.length > hit.start)) hits.push({ start: at, end: at + term.length, term });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The passage of `text` (about `length` characters) holding the most distinct query terms, HTML-escaped,
 * with each hit wrapped in <mark>. Null when no term occurs.
 */
export function highlightSnippet(text: string, terms: readonly string[], length = 80): string | null {
  const hits = findHits(text, terms);
  if (hits.length === 0) return null;
  let best = { from: 0, score: -1 };
  for (const first of hits) {
    const from = Math.max(0, first.start - Math.floor(length / 4));
    const inside = hits.filter((hit) => hit.start >= from && hit.end <= from + length);
    const score = new Set(inside.map((hit) => hit.term)).size * 1000 + inside.length;
    if (score > best.score) best = { from, score };
  }
  const to = Math.min(text.length, best.from + length);
  let out = best.from > 0 ? '…' : '';
  let cursor = best.from;
  for (const hit of hits.filter((h) => h.start >= best.from && h.end <= to)) {
    out += escapeHtml(text.slice(cursor, hit.start)) + '<mark>' + escapeHtml(text.slice(hit.start, hit.end)) + '</mark>';
    cursor = hit.end;
  }
  return joinAdjacentMarks(out + escapeHtml(text.slice(cursor, to)) + (to < text.length ? '…' : ''));
}

/** The whole (short) text with every hit marked, e.g. a title. */
export function highlightAll(text: string, terms: readonly string[]): string {
  let out = '';
  let cursor = 0;
  for (const hit of findHits(text, terms)) {
    out += escapeHtml(text.slice(cursor, hit.start)) + '<mark>' + escapeHtml(text.slice(hit.start, hit.end)) + '</mark>';
    cursor = hit.end;
  }
  return joinAdjacentMarks(out + escapeHtml(text.slice(cursor)));
}

/** A word found as its parts (梧桐 + 巷) reads as one highlight. */
const joinAdjacentMarks = (html: string) => html.replace(/<\/mark><mark>/g, '');
