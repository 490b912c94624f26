import { formatShare, percentOf } from '@app/workflows/vote-session';

export interface AnnouncementItem {
  /** A VoteSubjectKind; a key suggestion when absent. */
  kind?: string;
  position: number;
  number: number | null;
  title: string;
  issued: number;
  returned: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  passed: boolean;
}

export interface Announcement {
  jurisdictionName: string;
  label: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  failShare: number;
  items: AnnouncementItem[];
}

export const ANNOUNCEMENT_COLUMNS = [
  '序号', '建议编号', '建议标题', '发出票数', '收回票数', '满意', '基本满意', '不满意', '测评结果',
] as const;

/** The heading of the number and title columns once a session votes on more than key suggestions. */
const SUBJECT_COLUMNS = ['编号', '测评事项'] as const;

const KEY_SUGGESTION = 'KEY_SUGGESTION';
/** Wording for a kind this table does not know yet. */
const OTHER = 'OTHER';

/** How the announcement names the subjects of each kind: how many were scored, and what happens to failed ones. */
const SUBJECT_WORDING: Record<string, { scored: (n: number) => string; failed: (n: number) => string }> = {
  [KEY_SUGGESTION]: {
    scored: (n) => `${n}件重点建议的办理情况`,
    failed: (n) => `未通过的${n}件建议由承办单位重新办理，并在规定期限内再次报告。`,
  },
  REVIEW_OPINION_LIST: {
    scored: (n) => `${n}项审议意见研究处理情况的报告`,
    failed: (n) => `未通过的${n}项审议意见研究处理情况由报告机关重新研究处理，并在规定期限内再次报告。`,
  },
  LIVELIHOOD_PROJECT: {
    scored: (n) => `${n}项民生实事项目的实施情况`,
    failed: (n) => `未通过的${n}项民生实事项目由实施单位整改，并在规定期限内再次报告。`,
  },
  [OTHER]: {
    scored: (n) => `${n}项事项`,
    failed: (n) => `未通过的${n}项事项由责任单位重新办理，并在规定期限内再次报告。`,
  },
};

/** An item without a kind is a key suggestion (announcements made before there were other kinds). */
const kindOf = (item: AnnouncementItem) => (!item.kind ? KEY_SUGGESTION : SUBJECT_WORDING[item.kind] ? item.kind : OTHER);

/** Kinds present in order of first appearance, with how many items and failed items each has. */
function countsByKind(a: Announcement): Array<{ kind: string; items: number; failed: number }> {
  const counts = new Map<string, { items: number; failed: number }>();
  for (const item of a.items) {
    const count = counts.get(kindOf(item)) ?? { items: 0, failed: 0 };
    counts.set(kindOf(item), { items: count.items + 1, failed: count.failed + (item.passed ? 0 : 1) });
  }
  return [...counts].map(([kind, count]) => ({ kind, ...count }));
}

/** The table's header: the original wording while a session votes only on key suggestions. */
export function announcementColumns(a: Announcement): readonly string[] {
  if (a.items.every((item) => kindOf(item) === KEY_SUGGESTION)) return ANNOUNCEMENT_COLUMNS;
  return [ANNOUNCEMENT_COLUMNS[0], ...SUBJECT_COLUMNS, ...ANNOUNCEMENT_COLUMNS.slice(3)];
}

/** The rows of the results table, as text, shared by the HTML page and the .docx. */
export function announcementRows(a: Announcement): string[][] {
  return a.items.map((item) => {
    const share = (count: number) => `${count}（${percentOf(count, item.returned)}）`;
    return [
      String(item.position), item.number === null ? '—' : `第${item.number}号`, item.title, String(item.issued), String(item.returned),
      share(item.satisfied), share(item.basicallySatisfied), share(item.unsatisfied), item.passed ? '通过' : '未通过',
    ];
  });
}

/** The paragraphs around the table, in the usual wording of a standing-committee announcement (公告). */
export function announcementText(a: Announcement): { heading: string; label: string; intro: string; rule: string; closing: string } {
  const kinds = countsByKind(a);
  const scored = kinds.map(({ kind, items }) => SUBJECT_WORDING[kind].scored(items)).join('和') || SUBJECT_WORDING[KEY_SUGGESTION].scored(0);
  const failed = kinds.filter((k) => k.failed > 0).map(({ kind, failed: n }) => SUBJECT_WORDING[kind].failed(n)).join('');
  const [year, month, day] = a.meetingDate.split('-').map(Number);
  return {
    heading: `${a.jurisdictionName}人民代表大会常务委员会公告`,
    label: a.label,
    intro: `${a.meetingName}于${year}年${month}月${day}日对${scored}逐件进行了满意度测评（${a.title}），现将测评结果公告如下：`,
    rule: `测评规则：不满意票超过收回票数的${formatShare(a.failShare)}的，测评结果为未通过。${failed}`,
    closing: `${a.jurisdictionName}人民代表大会常务委员会`,
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A self-contained HTML page for the public site. */
export function renderAnnouncementHtml(a: Announcement): string {
  const text = announcementText(a);
  const head = announcementColumns(a).map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const body = announcementRows(a).map((row) => `<tr>${row.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeXml(text.heading)} ${escapeXml(text.label)}</title>
<style>body{font-family:"SimSun",serif;max-width:60em;margin:2em auto}h1,p.label{text-align:center}table{border-collapse:collapse;width:100%}td,th{border:1px solid #333;padding:.3em}p.sign{text-align:right}</style>
</head><body>
<h1>${escapeXml(text.heading)}</h1>
<p class="label">${escapeXml(text.label)}</p>
<p>${escapeXml(text.intro)}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<p>${escapeXml(text.rule)}</p>
<p>特此公告。</p>
<p class="sign">${escapeXml(text.closing)}<br>${escapeXml(a.meetingDate)}</p>
</body></html>
`;
}
