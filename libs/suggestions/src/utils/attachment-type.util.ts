import JSZip from 'jszip';

/** The file types a suggestion takes, by extension; the content must be of the same kind. */
export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', label: 'PDF' },
  doc: { contentType: 'application/msword', label: 'Word 97-2003' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
  xls: { contentType: 'application/vnd.ms-excel', label: 'Excel 97-2003' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' },
  jpg: { contentType: 'image/jpeg', label: 'JPEG' },
  png: { contentType: 'image/png', label: 'PNG' },
  txt: { contentType: 'text/plain; charset=utf-8', label: 'text' },
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'txt'] as const;

const MAX_FILE_NAME_LENGTH = 200;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// Stream names in an OLE2 directory are UTF-16LE.
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
const EXCEL_STREAMS = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book', 'utf16le')];

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind; fileName: string; contentType: string }
  | { ok: false; field: 'file'; reason: string };

/**
 * Checks an upload by its name and by its bytes: the extension must be an allowed one and the content must really be
 * of that kind (magic bytes; the parts inside an Office zip; plain text without binary bytes). A renamed executable
 * or a picture named .pdf is refused.
 */
export async function checkAttachment(originalName: string, content: Buffer): Promise<AttachmentCheck> {
  const fileName = cleanFileName(originalName);
  const fail = (reason: string): AttachmentCheck => ({ ok: false, field: 'file', reason });
  if (!fileName) return fail('the file has no name');
  if (content.length === 0) return fail('the file is empty');
  const extension = extensionOf(fileName);
  if (!extension) return fail(`only ${ATTACHMENT_EXTENSIONS.join(', ')} files are accepted`);
  const kind: AttachmentKind = extension === 'jpeg' ? 'jpg' : extension;
  const found = await sniffKind(content);
  if (found === null) return fail(`the content of ${fileName} is not a valid ${ATTACHMENT_TYPES[kind].label} file`);
  if (found.kind !== kind) return fail(`the content of ${fileName} is ${ATTACHMENT_TYPES[found.kind].label}, not ${ATTACHMENT_TYPES[kind].label}: rename it or export it again`);
  return { ok: true, kind, fileName, contentType: found.contentType };
}

/** The base name without any client path, control characters or surrounding blanks, at most 200 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= MAX_FILE_NAME_LENGTH) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot) : '';
  return base.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

function extensionOf(fileName: string): (typeof ATTACHMENT_EXTENSIONS)[number] | null {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension) ? (extension as (typeof ATTACHMENT_EXTENSIONS)[number]) : null;
}

/** What the bytes are, whatever the name says; null when they are none of the accepted kinds. */
export async function sniffKind(content: Buffer): Promise<{ kind: AttachmentKind; contentType: string } | null> {
  const typed = (kind: AttachmentKind, contentType: string = ATTACHMENT_TYPES[kind].contentType) => ({ kind, contentType });
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return typed('pdf');
  if (startsWith(content, PNG)) return typed('png');
  if (startsWith(content, JPEG)) return typed('jpg');
  if (startsWith(content, OLE2)) {
    if (content.includes(WORD_STREAM)) return typed('doc');
    if (EXCEL_STREAMS.some((stream) => content.includes(stream))) return typed('xls');
    return null;
  }
  if (startsWith(content, ZIP)) {
    const kind = await officeZipKind(content);
    return kind ? typed(kind) : null;
  }
  const charset = textCharset(content);
  return charset ? typed('txt', `text/plain; charset=${charset}`) : null;
}

function startsWith(content: Buffer, magic: Buffer): boolean {
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}

/** A .docx or .xlsx is a zip with the Office content-types part and the main part of its kind. */
async function officeZipKind(content: Buffer): Promise<'docx' | 'xlsx' | null> {
  try {
    // Reads the central directory only; nothing is inflated.
    const zip = await JSZip.loadAsync(content, { checkCRC32: false });
    if (!zip.file('[Content_Types].xml')) return null;
    if (zip.file('word/document.xml')) return 'docx';
    if (zip.file('xl/workbook.xml')) return 'xlsx';
    return null;
  } catch {
    return null;
  }
}

/**
 * Plain text: UTF-8 (with or without BOM) or GB18030, as Chinese office PCs often save it, and no control
 * characters other than tab, line breaks and form feed. Binary files fail on the first NUL or stray control byte.
 */
export function textCharset(content: Buffer): 'utf-8' | 'gb18030' | null {
  const body = startsWith(content, UTF8_BOM) ? content.subarray(UTF8_BOM.length) : content;
  for (const charset of ['utf-8', 'gb18030'] as const) {
    let text: string;
    try {
      text = new TextDecoder(charset, { fatal: true }).decode(body);
    } catch {
      continue;
    }
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : charset;
  }
  return null;
}
