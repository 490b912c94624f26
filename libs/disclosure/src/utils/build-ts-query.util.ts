import { minimalSubWords, queryWords } from './segment-text.util';

export interface ParsedQuery {
  /** A to_tsquery('simple', …) expression; tokens are letters and digits only, so it is always well-formed. */
  tsQuery: string;
  /** Every word and sub-word that may match, for highlighting. */
  terms: string[];
}

/**
 * Every word of the query must match, either as itself or through all the smaller dictionary words it is made of
 * (公交站点 matches a text indexed with 公交 and 站点). Null when the query has no searchable word.
 */
export function buildTsQuery(query: string): ParsedQuery | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const terms = new Set<string>();
  const groups = words.map((word) => {
    terms.add(word);
    const parts = minimalSubWords(word);
    parts.forEach((part) => terms.add(part));
    return parts.length > 1 ? `('${word}' | (${parts.map((part) => `'${part}'`).join(' & ')}))` : `'${word}'`;
  });
  return { tsQuery: groups.join(' & '), terms: [...terms] };
}

/** Any of the words: used to find candidates for similar suggestions. */
export function buildAnyOfTsQuery(words: readonly string[]): string | null {
  const unique = [...new Set(words)].filter((word) => /^[\p{L}\p{N}]+$/u.test(word));
  return unique.length > 0 ? unique.map((word) => `'${word}'`).join(' | ') : null;
}
