/**
 * The documented schema of the open-data downloads (one row or object per disclosed suggestion).
 * Served at /api/public/{jurisdiction}/open-data/schema; the CSV columns are these, in this order.
 */
export const OPEN_DATA_SCHEMA = {
  name: 'disclosed-suggestions',
  title: '代表建议办理结果公开数据 (disclosed deputies’ suggestions and replies)',
  version: 1,
  license: 'Published by the congress under its open-data terms',
  notes: [
    'Only suggestions whose disclosure was decided as FULL or SUMMARY appear; withheld or undecided ones never do.',
    'Phone numbers, ID-card numbers, e-mail addresses and passages marked by the office are replaced by 【…已隐去】 before publication.',
    'With disclosure_mode SUMMARY the reply texts are replaced by the published summary.',
    'CSV: UTF-8 with BOM, comma-separated, RFC 4180 quoting, CRLF line ends; multi-valued cells are joined by "; ".',
    'JSON: {"schema": …, "generatedAt": …, "items": [...]} where each item has the fields of the public API.',
  ],
  fields: [
    { name: 'id', type: 'string (uuid)', description: 'Stable identifier of the suggestion' },
    { name: 'number', type: 'integer', description: 'Number within its session (第N号)' },
    { name: 'number_label', type: 'string', description: 'The number as printed, e.g. 第31号' },
    { name: 'session', type: 'string', description: 'Congress session, e.g. 第十七届人民代表大会第三次会议' },
    { name: 'session_year', type: 'integer', description: 'Year of the session' },
    { name: 'category', type: 'string', description: 'Category from the jurisdiction’s list' },
    { name: 'title', type: 'string', description: 'Title (redacted)' },
    { name: 'content', type: 'string', description: 'Text of the suggestion (redacted)' },
    { name: 'lead_deputy', type: 'string', description: 'Name of the lead deputy' },
    { name: 'cosigners', type: 'string list', description: 'Names of the co-signing deputies' },
    { name: 'delegation', type: 'string', description: 'Delegation of the lead deputy' },
    { name: 'submitted_at', type: 'string (ISO 8601 instant)', description: 'When it was submitted' },
    { name: 'units', type: 'string list', description: 'Handling units as "name (role)"; role LEAD, CO or SEPARATE' },
    { name: 'classification', type: 'string', description: 'Classification code of the reply (e.g. A)' },
    { name: 'classification_label', type: 'string', description: 'What the code means, e.g. 解决或基本解决' },
    { name: 'first_replied_at', type: 'string (ISO 8601 instant)', description: 'When the first reply was sent' },
    { name: 'disclosure_mode', type: 'FULL | SUMMARY', description: 'What the disclosure decision publishes' },
    { name: 'published_at', type: 'string (ISO 8601 instant)', description: 'When the disclosure was decided' },
    { name: 'summary', type: 'string', description: 'The published summary (SUMMARY only, redacted)' },
    { name: 'replies', type: 'string list', description: 'Each reply as "unit | date | classification | text" (text only with FULL, redacted)' },
    { name: 'key_result', type: 'PASSED | FAILED | PENDING', description: 'For key suggestions: result of the standing committee’s satisfaction vote' },
  ],
} as const;
