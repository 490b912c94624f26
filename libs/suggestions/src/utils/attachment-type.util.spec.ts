import JSZip from 'jszip';
import { checkAttachment, cleanFileName, sniffKind, textCharset } from './attachment-type.util';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16, 2)]);
const ole2 = (stream: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);
const officeZip = async (mainPart: string) => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(mainPart, '<x/>');
  return zip.generateAsync({ type: 'nodebuffer' });
};

describe('checkAttachment', () => {
  it.each([
    ['报告.pdf', () => PDF, 'application/pdf'],
    ['现场照片.PNG', () => PNG, 'image/png'],
    ['现场.jpeg', () => JPEG, 'image/jpeg'],
    ['调研.doc', () => ole2('WordDocument'), 'application/msword'],
    ['数据.xls', () => ole2('Workbook'), 'application/vnd.ms-excel'],
    ['调研.docx', () => officeZip('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['数据.xlsx', () => officeZip('xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['说明.txt', () => Buffer.from('城东新区公交站点情况说明\r\n\t第二行'), 'text/plain; charset=utf-8'],
    ['说明.txt', () => Buffer.from([0xb3, 0xc7, 0xb6, 0xab, 0x0a]), 'text/plain; charset=gb18030'],
  ])('accepts %s as %s', async (name, content, contentType) => {
    await expect(checkAttachment(name, await content())).resolves.toEqual(expect.objectContaining({ ok: true, fileName: name, contentType }));
  });

  it.each([
    ['a picture named .pdf', '报告.pdf', () => PNG, 'is PNG, not PDF'],
    ['an executable named .docx', '调研.docx', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'is not a valid Word file'],
    ['a zip that is not an Office file', '数据.xlsx', () => officeZip('content.xml'), 'is not a valid Excel file'],
    ['a Word file named .xlsx', '数据.xlsx', () => officeZip('word/document.xml'), 'is Word, not Excel'],
    ['binary bytes named .txt', '说明.txt', () => Buffer.from([0x41, 0x00, 0x42, 0x07]), 'is not a valid text file'],
    ['an extension not on the list', 'run.exe', () => PDF, 'only pdf, doc, docx, xls, xlsx, jpg, jpeg, png, txt files are accepted'],
    ['no extension', 'README', () => PDF, 'are accepted'],
    ['an empty file', '空.pdf', () => Buffer.alloc(0), 'the file is empty'],
    ['a blank name', '  ', () => PDF, 'the file has no name'],
  ])('refuses %s', async (_case, name, content, reason) => {
    const checked = await checkAttachment(name, await content());
    expect(checked).toEqual({ ok: false, field: 'file', reason: expect.stringContaining(reason) });
  });
});

describe('helpers', () => {
  it('keeps only the base name, without control characters, at most 200 characters with its extension', () => {
    expect(cleanFileName('C:\\fakepath\\建议附件.pdf')).toBe('建议附件.pdf');
    expect(cleanFileName('../../etc/passwd\u0000.txt')).toBe('passwd.txt');
    const long = cleanFileName(`${'长'.repeat(300)}.docx`);
    expect([long.length, long.endsWith('.docx')]).toEqual([200, true]);
  });

  it('tells UTF-8 (with BOM) and GB18030 text apart from binary', () => {
    expect(textCharset(Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad]))).toBe('utf-8');
    expect(textCharset(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('gb18030');
    expect(textCharset(Buffer.from([0x00, 0x01, 0x02]))).toBeNull();
  });

  it('does not take an OLE2 file without a Word or Excel stream', async () => {
    await expect(sniffKind(ole2('PowerPoint Document'))).resolves.toBeNull();
  });
});
