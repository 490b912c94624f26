import { messageLink, renderChannelMessage, renderDigest } from './render-channel-message.util';

describe('renderChannelMessage', () => {
  it('carries the number, title, what is due, when, and the link', () => {
    const message = renderChannelMessage({
      template: 'DEADLINE_REMINDER',
      data: { number: '第12号', title: '关于改善农村道路的建议', deadline: '答复', dueDate: '2026-06-30T15:59:59.999Z', days: 7 },
      link: 'https://jy.example.cn/suggestions/abc',
    });
    expect(message.subject).toBe('【代表建议】答复期限提醒 第12号');
    expect(message.body).toBe('第12号《关于改善农村道路的建议》答复将于2026年6月30日到期（还有7天），请及时办理。\n查看详情：https://jy.example.cn/suggestions/abc');
    expect(message.params).toEqual({
      event: '答复期限提醒', number: '第12号', title: '关于改善农村道路的建议', deadline: '答复', due: '2026-06-30', link: 'https://jy.example.cn/suggestions/abc',
    });
  });

  it('shortens a long title for SMS only', () => {
    const title = '关于进一步加强和改进全县农村公路建设养护管理工作的建议';
    const message = renderChannelMessage({ template: 'ASSIGNED', data: { number: '第1号', title }, link: 'http://x/s/1' });
    expect(message.params.title).toBe(`${title.slice(0, 20)}…`);
    expect(message.body).toContain(title);
  });
});

describe('helpers', () => {
  it('links the path of the notification, or the inbox', () => {
    expect(messageLink('http://a.cn/', '/suggestions/id1')).toBe('http://a.cn/suggestions/id1');
    expect(messageLink('http://a.cn', undefined)).toBe('http://a.cn/notifications');
  });

  it('numbers digest items', () => {
    const digest = renderDigest({ items: [{ subject: '【代表建议】新交办建议 第1号' }, { subject: '【代表建议】期限提醒 第2号' }], localDate: '2026-03-11', link: 'http://a/notifications' });
    expect(digest.subject).toBe('【代表建议】2026-03-11 每日汇总（2条）');
    expect(digest.body.split('\n')).toEqual(['1. 新交办建议 第1号', '2. 期限提醒 第2号', '查看详情：http://a/notifications']);
  });
});
