import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTIFICATION_TEMPLATES } from '../constants/notification-templates.constant';
import { dueText, notificationPath, renderTemplate, subjectOf, toChineseDate, toLocalDateText } from './render-template.util';

const suggestion = { suggestionId: 's1', number: '第12号', title: '关于改善农村道路的建议' };

/** Every template name a workflow machine or the engine raises, read from their sources. */
function raisedTemplates(): string[] {
  const root = join(__dirname, '..', '..', '..', '..');
  const sources = [
    ...readdirSync(join(root, 'workflows'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.machine\.v\d+\.ts$/.test(file))
      .map((file) => join(root, 'workflows', file)),
    join(root, 'libs', 'workflow-engine', 'src', 'jobs', 'deadline-remind.job.ts'),
  ];
  const names = sources.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:notify\w*\(|template: )'([A-Z_]+)'/g)].map((match) => match[1]),
  );
  return [...new Set(names)].sort();
}

describe('renderTemplate', () => {
  it('has Chinese wording for every notification a workflow raises', () => {
    const raised = raisedTemplates();
    expect(raised.length).toBeGreaterThan(30);
    expect(raised.filter((name) => !NOTIFICATION_TEMPLATES[name])).toEqual([]);
    for (const name of raised) {
      const { title, body } = renderTemplate(name, { ...suggestion, deadline: '答复', dueDate: '2026-06-30T15:59:59.999Z', days: 7 });
      expect([name, /[A-Z_]{4,}|\{/.test(title + body), body]).toEqual([name, false, expect.stringContaining('第12号《关于改善农村道路的建议》')]);
    }
  });

  it('states what is due and when from the open deadlines it names, earliest first', () => {
    const { title, body } = renderTemplate('ASSIGNED', {
      ...suggestion, dueDates: { REPLY: '2026-06-09T15:59:59.999Z', ADJUSTMENT: '2026-03-17T15:59:59.999Z', FEEDBACK: '2026-07-01T00:00:00.000Z' },
    });
    expect(title).toBe('新交办事项');
    expect(body).toBe('第12号《关于改善农村道路的建议》已交贵单位办理，请及时签收并按期答复。申请调整截止：2026年3月17日；答复截止：2026年6月9日。');
    expect(renderTemplate('REPLIED', { ...suggestion, dueDates: { FEEDBACK: '2026-04-07T15:59:59.999Z' } }).body).toBe(
      '第12号《关于改善农村道路的建议》已答复，请查看答复内容。征询意见反馈截止：2026年4月7日。',
    );
  });

  it('words a reminder with the deadline and its local date', () => {
    expect(renderTemplate('DEADLINE_REMINDER', { ...suggestion, deadline: '征询意见反馈', dueDate: '2026-03-10T16:30:00Z', days: 1 })).toEqual({
      title: '征询意见反馈期限提醒',
      body: '第12号《关于改善农村道路的建议》征询意见反馈将于2026年3月11日到期（还有1天），请及时办理。',
    });
  });

  it('still answers in Chinese, naming the item, for a template it does not know', () => {
    expect(renderTemplate('SOMETHING_NEW', { number: '审议意见清单', title: '关于环保执法检查的审议意见' })).toEqual({
      title: '办理动态', body: '审议意见清单《关于环保执法检查的审议意见》有新的办理动态，请查看。',
    });
  });
});

describe('helpers', () => {
  it('names the item with its number when it has one', () => {
    expect(subjectOf({ title: '草稿标题', number: '' })).toBe('《草稿标题》');
    expect(subjectOf({})).toBe('相关事项');
  });

  it('reads instants as dates in China', () => {
    expect(toLocalDateText('2026-03-10T16:30:00Z')).toBe('2026-03-11');
    expect(toLocalDateText('not a date')).toBe('');
    expect(toChineseDate('2026-06-30T15:59:59.999Z')).toBe('2026年6月30日');
    expect(dueText(['REPLY'], { ADJUSTMENT: '2026-03-17T00:00:00Z' })).toBe('');
  });

  it('leads to the suggestion or vote concerned, else the inbox', () => {
    expect(notificationPath({ suggestionId: 'a' })).toBe('/suggestions/a');
    expect(notificationPath({ voteSessionId: 'b' })).toBe('/vote-sessions/b');
    expect(notificationPath({ reviewOpinionListId: 'c' })).toBe('/notifications');
  });
});
