/**
 * Shows a search snippet with its <mark> highlights. The text is escaped first and only <mark> is
 * re-allowed, so a suggestion's own text can never inject markup.
 */
export function Highlighted({ html }: { html: string }) {
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const safe = escaped.replace(/&lt;mark&gt;/g, '<mark>').replace(/&lt;\/mark&gt;/g, '</mark>').replace(/\n/g, '<br/>');
  return <span dangerouslySetInnerHTML={{ __html: safe }} />;
}
