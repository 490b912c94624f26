import JSZip from 'jszip';
import { Announcement, announcementColumns, announcementRows, announcementText, escapeXml } from './announcement.util';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const run = (text: string, bold = false) =>
  `<w:r><w:rPr><w:rFonts w:eastAsia="SimSun"/>${bold ? '<w:b/>' : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const paragraph = (text: string, { align, bold }: { align?: 'center' | 'right'; bold?: boolean } = {}) =>
  `<w:p>${align ? `<w:pPr><w:jc w:val="${align}"/></w:pPr>` : ''}${run(text, bold)}</w:p>`;
const cell = (text: string, bold = false) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(text, { bold })}</w:tc>`;
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');

function table(a: Announcement): string {
  const header = `<w:tr>${announcementColumns(a).map((c) => cell(c, true)).join('')}</w:tr>`;
  const rows = announcementRows(a).map((row) => `<w:tr>${row.map((c) => cell(c)).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr>${header}${rows}</w:tbl>`;
}

/**
 * The announcement as a Word document (WordprocessingML in a zip, written with JSZip). Kept to the parts
 * every reader needs: one document part with headings, the results table and the signature.
 */
export async function renderAnnouncementDocx(a: Announcement): Promise<Buffer> {
  const text = announcementText(a);
  const body = [
    paragraph(text.heading, { align: 'center', bold: true }),
    paragraph(text.label, { align: 'center' }),
    paragraph(text.intro),
    table(a),
    paragraph(text.rule),
    paragraph('特此公告。'),
    paragraph(text.closing, { align: 'right' }),
    paragraph(a.meetingDate, { align: 'right' }),
  ].join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', document);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
