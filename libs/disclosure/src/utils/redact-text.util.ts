/** What a redaction hid, by kind; the preview shows these counts, never the hidden text. */
export enum RedactionKind {
  MARKED = 'MARKED',
  ID_CARD = 'ID_CARD',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}

export const REDACTION_PLACEHOLDERS: Record<RedactionKind, string> = {
  [RedactionKind.MARKED]: '【已隐去】',
  [RedactionKind.ID_CARD]: '【身份证号已隐去】',
  [RedactionKind.EMAIL]: '【电子邮箱已隐去】',
  [RedactionKind.PHONE]: '【电话号码已隐去】',
};

// Order matters: an 18-digit ID card holds 11-digit runs that would otherwise read as mobile numbers.
const AUTOMATIC_PATTERNS: Array<[RedactionKind, RegExp]> = [
  [RedactionKind.ID_CARD, /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g],
  [RedactionKind.ID_CARD, /(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g],
  [RedactionKind.EMAIL, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
  // Mobile numbers, optionally with +86 and separators.
  [RedactionKind.PHONE, /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g],
  // Landlines need an area code (0xx/0xxx) so that plain figures such as 12000000 stay readable.
  [RedactionKind.PHONE, /(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[-－\s])\d{7,8}(?:[-－转]\d{1,6})?(?!\d)/g],
  [RedactionKind.PHONE, /(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)/g],
];

export interface RedactedText {
  text: string;
  counts: Partial<Record<RedactionKind, number>>;
}

/**
 * Removes what must never be published: passages the office marked (longest first, so a mark inside
 * another does not leave a fragment), then ID-card numbers, e-mail addresses and phone numbers.
 */
export function redactText(text: string, markedPassages: readonly string[] = []): RedactedText {
  const counts: Partial<Record<RedactionKind, number>> = {};
  const count = (kind: RedactionKind, n: number) => {
    if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
  };
  let result = text;
  const marks = [...new Set(markedPassages.filter((passage) => passage.trim().length > 0))].sort((a, b) => b.length - a.length);
  for (const passage of marks) {
    const parts = result.split(passage);
    count(RedactionKind.MARKED, parts.length - 1);
    result = parts.join(REDACTION_PLACEHOLDERS[RedactionKind.MARKED]);
  }
  for (const [kind, pattern] of AUTOMATIC_PATTERNS) {
    result = result.replace(pattern, () => {
      count(kind, 1);
      return REDACTION_PLACEHOLDERS[kind];
    });
  }
  return { text: result, counts };
}

export function addCounts(
  into: Partial<Record<RedactionKind, number>>,
  more: Partial<Record<RedactionKind, number>>,
): Partial<Record<RedactionKind, number>> {
  for (const [kind, n] of Object.entries(more) as Array<[RedactionKind, number]>) into[kind] = (into[kind] ?? 0) + n;
  return into;
}
