import { DEADLINE_LABELS, FALLBACK_TEMPLATE, NOTIFICATION_TEMPLATES } from '../constants/notification-templates.constant';

const TIME_ZONE = 'Asia/Shanghai';

/** Building a DateTimeFormat costs far more than formatting with one: a reminder storm renders several dates per message. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A UTC instant as the local date people read in China, e.g. 2026-06-30; '' for no date. */
export function toLocalDateText(iso: unknown, timeZone = TIME_ZONE): string {
  const date = new Date(String(iso));
  if (iso === undefined || iso === null || Number.isNaN(date.getTime())) return '';
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(date);
}

/** The same date in words, e.g. 2026年6月30日. */
export function toChineseDate(iso: unknown): string {
  const local = toLocalDateText(iso);
  if (!local) return '';
  const [year, month, day] = local.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** How people name the item: 第12号《关于…的建议》, 审议意见清单《…》, or 《…》 before it has a number. */
export function subjectOf(data: Record<string, unknown>): string {
  const number = String(data.number ?? '');
  const title = String(data.title ?? '');
  if (!title) return number || '相关事项';
  return `${number}《${title}》`;
}

/** "答复截止：2026年6月30日；申请调整截止：…。" for the template's deadlines that are open; '' when none is. */
export function dueText(kinds: string[] | undefined, dueDates: unknown): string {
  if (!kinds?.length || !dueDates || typeof dueDates !== 'object') return '';
  const parts = kinds
    .map((kind) => [kind, (dueDates as Record<string, unknown>)[kind]] as const)
    .filter(([, due]) => toLocalDateText(due))
    .sort(([, a], [, b]) => new Date(String(a)).getTime() - new Date(String(b)).getTime())
    .map(([kind, due]) => `${DEADLINE_LABELS[kind] ?? kind}截止：${toChineseDate(due)}`);
  return parts.length ? `${parts.join('；')}。` : '';
}

/**
 * A notification's Chinese title and text: the item's number and title, what happened or is due and when.
 * `data` is the outbox message's data (number, title, and for reminders deadline, dueDate and days; `dueDates`, the
 * item's open deadlines by kind, added on delivery). The link is the channel's business (page or URL).
 */
export function renderTemplate(template: string, data: Record<string, unknown>): { title: string; body: string } {
  const entry = NOTIFICATION_TEMPLATES[template] ?? FALLBACK_TEMPLATE;
  const values: Record<string, unknown> = { ...data, subject: subjectOf(data), dueDate: toChineseDate(data.dueDate) || data.dueDate };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  return { title: fill(entry.title), body: fill(entry.body) + dueText(entry.due, data.dueDates) };
}

/** Where a notification leads in the web app: the suggestion or vote it concerns, else the inbox. */
export function notificationPath(data: Record<string, unknown>): string {
  if (typeof data.suggestionId === 'string') return `/suggestions/${data.suggestionId}`;
  if (typeof data.voteSessionId === 'string') return `/vote-sessions/${data.voteSessionId}`;
  return '/notifications';
}
