import { NOTIFICATION_TEMPLATES, renderTemplate } from '../constants/notification-templates.constant';

export interface ChannelMessage {
  subject: string;
  body: string;
  /** What an SMS template receives: number, title, what happened or is due, when, and the link. */
  params: Record<string, string>;
}

const SMS_TITLE_MAX = 20;

/** A UTC instant as the local date people read in China, e.g. 2026-06-30. */
export function toLocalDateText(iso: unknown, timeZone = 'Asia/Shanghai'): string {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The link a message points to: the suggestion's page in the web app, or the inbox when there is none. */
export function messageLink(publicUrl: string, instanceId: string | null): string {
  const base = publicUrl.replace(/\/+$/, '');
  return instanceId ? `${base}/suggestions/${instanceId}` : `${base}/notifications`;
}

/** The e-mail and SMS form of an outbox message, from the same Chinese templates as the inbox. */
export function renderChannelMessage({ template, data, link }: { template: string; data: Record<string, unknown>; link: string }): ChannelMessage {
  const due = toLocalDateText(data.dueDate);
  const { title, body } = renderTemplate(template, { ...data, dueDate: due || data.dueDate });
  const number = String(data.number ?? '');
  const subject = `【代表建议】${title}${number ? ` ${number}` : ''}`;
  const lines = [body, due ? `到期日：${due}` : '', `查看详情：${link}`].filter(Boolean);
  const suggestionTitle = String(data.title ?? '');
  return {
    subject,
    body: lines.join('\n'),
    params: {
      event: NOTIFICATION_TEMPLATES[template]?.title ?? template,
      number,
      title: suggestionTitle.length > SMS_TITLE_MAX ? `${suggestionTitle.slice(0, SMS_TITLE_MAX)}…` : suggestionTitle,
      deadline: String(data.deadline ?? ''),
      due,
      link,
    },
  };
}

/** One daily message listing everything held back for the digest. */
export function renderDigest({ items, localDate, link }: { items: Array<{ subject: string }>; localDate: string; link: string }): ChannelMessage {
  const lines = items.map((item, index) => `${index + 1}. ${item.subject.replace(/^【代表建议】/, '')}`);
  return {
    subject: `【代表建议】${localDate} 每日汇总（${items.length}条）`,
    body: [...lines, `查看详情：${link}`].join('\n'),
    params: { event: '每日汇总', number: '', title: `${items.length}条新通知`, deadline: '', due: localDate, link },
  };
}
