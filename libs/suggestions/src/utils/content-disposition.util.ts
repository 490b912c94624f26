/**
 * `Content-Disposition: attachment` naming the file in UTF-8 (RFC 6266 / 5987), with a plain ASCII fallback for
 * clients that read only `filename`: 附件.pdf arrives as 附件.pdf, not as mojibake.
 */
export function attachmentDisposition(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
