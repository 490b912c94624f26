import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

// Loading the dictionary takes ~100 ms; one instance per process serves every request.
let jieba: Jieba | null = null;
const segmenter = (): Jieba => (jieba ??= Jieba.withDict(dict));

/** Words we index and search: letters and digits only, so a token can never break tsquery syntax. */
const WORD = /^[\p{L}\p{N}]+$/u;
/** Function words that match nearly everything and would only blur the ranking of a query. */
const QUERY_STOP_WORDS = new Set(['的', '了', '和', '与', '及', '在', '是', '对', '等', '关于', '建议', '有关', '进一步']);

const words = (tokens: string[]) => tokens.map((token) => token.trim().toLowerCase()).filter((token) => WORD.test(token));

/**
 * Search-mode segmentation for the index: every word plus the dictionary words inside it
 * (公交站点 → 公交, 站点, 公交站, 公交站点), so a query for a part still finds the whole.
 */
export function segmentForIndex(text: string): string[] {
  return words(segmenter().cutForSearch(text, true));
}

/** Precise segmentation: how a reader splits the text. */
export function segmentPrecise(text: string): string[] {
  return words(segmenter().cut(text, true));
}

/** A query's words without function words (unless nothing else is left). */
export function queryWords(query: string): string[] {
  const all = [...new Set(segmentPrecise(query))];
  const meaningful = all.filter((word) => !QUERY_STOP_WORDS.has(word));
  return meaningful.length > 0 ? meaningful : all;
}

/** The dictionary words inside a word that contain no smaller one (公交站点 → 公交, 站点). */
export function minimalSubWords(word: string): string[] {
  const parts = [...new Set(segmentForIndex(word))].filter((part) => part !== word);
  return parts.filter((part) => !parts.some((other) => other !== part && part.includes(other)));
}
