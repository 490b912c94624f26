import { renderTemplate, toLocalDateText } from './render-template.util';

export interface ChannelMessage {
  subject: string;
  body: string;
  /** What an SMS template receives: number, title, what happened or is due, when, and the link. */
  params: Record<string, string>;
}

const SMS_TITLE_MAX = 20;

/** The absolute link of a notification's path (see notificationPath); the inbox when there is none. */
export function messageLink(publicUrl: string, path: unknown): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${typeof path === 'string' && path.startsWith('/') ? path : '/notifications'}`;
}

/** The e-mail and SMS form of an outbox message, from the same Chinese templates as the inbox. */
export function renderChannelMessage({ template, data, link }: { template: string; data: Record<string, unknown>; link: string }): ChannelMessage {
  const due = toLocalDateText(data.dueDate);
  const { title, body } = renderTemplate(template, data);
  const number = String(data.number ?? '');
  const subject = `【代表建议】${title}${number ? ` ${number}` : ''}`;
  const suggestionTitle = String(data.title ?? '');
  return {
    subject,
    body: [body, `查看详情：${link}`].join('\n'),
    params: {
      event: title,
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
