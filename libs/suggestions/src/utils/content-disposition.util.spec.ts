import { attachmentDisposition } from './content-disposition.util';

describe('attachmentDisposition', () => {
  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(attachmentDisposition('城东公交(调研).pdf')).toBe(
      `attachment; filename="____(__).pdf"; filename*=UTF-8''%E5%9F%8E%E4%B8%9C%E5%85%AC%E4%BA%A4%28%E8%B0%83%E7%A0%94%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes or backslashes in the name', () => {
    expect(attachmentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });

  it('round-trips through decodeURIComponent', () => {
    const name = '附件 一 (2026)\'s.docx';
    const encoded = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name))![1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
