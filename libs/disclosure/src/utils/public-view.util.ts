import type { DisclosureSource } from '../repositories/disclosure-source.repository';
import { addCounts, redactText, RedactionKind } from './redact-text.util';

export interface DisclosureLabels {
  classifications: Array<{ code: string; label: string }>;
  numbering: { prefix: string; suffix: string };
}

export interface PublicReply {
  unit: string;
  round: number;
  classification: { code: string; label: string };
  repliedAt: string;
  followUp: boolean;
  /** Null when the decision publishes a summary instead of the reply texts. */
  text: string | null;
}

/** A disclosed suggestion as anyone may read it: redacted, and only what the disclosure decision publishes. */
export interface PublicSuggestion {
  id: string;
  number: number | null;
  numberLabel: string | null;
  session: { id: string; name: string; year: number };
  category: string;
  title: string;
  content: string;
  leadDeputy: string;
  cosigners: string[];
  delegation: string | null;
  submittedAt: string | null;
  units: Array<{ name: string; role: string; round: number }>;
  classification: { code: string; label: string } | null;
  disclosure: { mode: 'FULL' | 'SUMMARY'; publishedAt: string | null };
  summary: string | null;
  replies: PublicReply[];
  key: { result: 'PASSED' | 'FAILED' | 'PENDING' } | null;
}

export interface RedactionPreview {
  view: PublicSuggestion;
  counts: Partial<Record<RedactionKind, number>>;
}

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

/**
 * Builds the public version of a suggestion. Every free text passes through redaction; reply contact persons,
 * phones and signers are never copied. With a SUMMARY decision the reply texts are left out for the summary.
 * Used for publication (only when published) and for the office's preview (whatever the state).
 */
export function buildPublicView(source: DisclosureSource, labels: DisclosureLabels): RedactionPreview {
  const counts: Partial<Record<RedactionKind, number>> = {};
  const clean = (text: string) => {
    const redacted = redactText(text, source.marks);
    addCounts(counts, redacted.counts);
    return redacted.text;
  };
  const classify = (code: string) => ({ code, label: labels.classifications.find((c) => c.code === code)?.label ?? code });
  const mode = source.decision?.mode === 'SUMMARY' ? 'SUMMARY' : 'FULL';
  const view: PublicSuggestion = {
    id: source.id,
    number: source.number,
    numberLabel: source.number === null ? null : `${labels.numbering.prefix}${source.number}${labels.numbering.suffix}`,
    session: { id: source.sessionId, name: source.sessionName, year: source.sessionYear },
    category: source.category,
    title: clean(source.title),
    content: clean(source.content),
    leadDeputy: source.leadDeputyName,
    cosigners: source.cosignerNames,
    delegation: source.delegationName,
    submittedAt: iso(source.submittedAt),
    units: source.units.map(({ name, role, round }) => ({ name, role, round })),
    classification: source.classification ? classify(source.classification) : null,
    disclosure: { mode, publishedAt: source.disclosureState === 'published' ? iso(source.decision?.at ?? null) : null },
    summary: mode === 'SUMMARY' && source.decision?.summary ? clean(source.decision.summary) : null,
    replies: source.replies.map((reply) => ({
      unit: reply.unitName,
      round: reply.round,
      classification: classify(reply.classification),
      repliedAt: iso(reply.repliedAt) as string,
      followUp: reply.isFollowUp,
      text: mode === 'FULL' ? clean(reply.text) : null,
    })),
    key: source.isKey ? { result: source.keyState === 'passed' ? 'PASSED' : source.keyState === 'failed' ? 'FAILED' : 'PENDING' } : null,
  };
  return { view, counts };
}

/** The published body text that the public index holds: redacted content and what the decision publishes. */
export function publicBodyOf(view: PublicSuggestion): string {
  return [view.content, view.summary ?? '', ...view.replies.map((reply) => reply.text ?? '')].filter((text) => text.length > 0).join('\n');
}
