import { buildAnyOfTsQuery, buildTsQuery } from './build-ts-query.util';
import { highlightAll, highlightSnippet } from './highlight-snippet.util';
import { queryWords, segmentForIndex } from './segment-text.util';

describe('Chinese search text', () => {
  it('indexes the words inside a longer word, so a part finds the whole', () => {
    expect(segmentForIndex('建议在人民路增设公交站点，方便群众出行')).toEqual(expect.arrayContaining(['公交', '站点', '公交站点', '人民']));
  });

  it('drops punctuation and anything that could break tsquery syntax', () => {
    expect(segmentForIndex("a&b | c'd (e)！")).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('drops function words from a query unless nothing else is left', () => {
    expect(queryWords('关于公交的建议')).toEqual(['公交']);
    expect(queryWords('的')).toEqual(['的']);
  });

  it('matches a query word as itself or through its smaller words', () => {
    expect(buildTsQuery('公交站点')).toEqual({ tsQuery: "('公交站点' | ('公交' & '站点'))", terms: expect.arrayContaining(['公交站点', '公交', '站点']) });
    expect(buildTsQuery('农村 饮用水')?.tsQuery).toBe("'农村' & ('饮用水' | ('饮用' & '用水'))");
    expect(buildTsQuery('！？')).toBeNull();
  });

  it('builds an any-of query for candidates', () => {
    expect(buildAnyOfTsQuery(['公交', '公交', '站点'])).toBe("'公交' | '站点'");
    expect(buildAnyOfTsQuery([])).toBeNull();
  });

  it('marks the densest passage and escapes HTML', () => {
    const text = `${'无关内容。'.repeat(30)}建议增设<公交>站点，公交线路延伸。${'其他。'.repeat(30)}`;
    const snippet = highlightSnippet(text, ['公交', '站点'], 40) as string;
    expect(snippet).toContain('&lt;<mark>公交</mark>&gt;<mark>站点</mark>');
    expect(snippet.startsWith('…')).toBe(true);
    expect(highlightSnippet('没有命中', ['公交'])).toBeNull();
    expect(highlightAll('关于增设公交站点的建议', ['公交站点', '公交'])).toBe('关于增设<mark>公交站点</mark>的建议');
    expect(highlightAll('住在梧桐巷', ['梧桐', '巷'])).toBe('住在<mark>梧桐巷</mark>');
  });
});
