import JSZip from 'jszip';
import { renderAnnouncementDocx } from './announcement-docx.util';
import { Announcement, ANNOUNCEMENT_COLUMNS, announcementColumns, announcementRows, announcementText, renderAnnouncementHtml } from './announcement.util';

const announcement: Announcement = {
  jurisdictionName: '示例县',
  label: '〔2026〕第1号',
  title: '2026年重点建议满意度测评',
  meetingName: '县十七届人大常委会第二十次会议',
  meetingDate: '2026-06-20',
  failShare: 0.5,
  items: [
    { position: 1, number: 12, title: '关于<改善>农村道路的建议', issued: 30, returned: 29, satisfied: 20, basicallySatisfied: 6, unsatisfied: 3, passed: true },
    { position: 2, number: null, title: '关于学校扩容的建议', issued: 30, returned: 30, satisfied: 5, basicallySatisfied: 5, unsatisfied: 20, passed: false },
  ],
};

describe('announcement', () => {
  it('lists counts and percentages of the ballots returned per item', () => {
    expect(announcementRows(announcement)).toEqual([
      ['1', '第12号', '关于<改善>农村道路的建议', '30', '29', '20（68.97%）', '6（20.69%）', '3（10.34%）', '通过'],
      ['2', '—', '关于学校扩容的建议', '30', '30', '5（16.67%）', '5（16.67%）', '20（66.67%）', '未通过'],
    ]);
  });

  it('renders an HTML page with every value escaped', () => {
    const html = renderAnnouncementHtml(announcement);
    expect(html).toContain('示例县人民代表大会常务委员会公告');
    expect(html).toContain('〔2026〕第1号');
    expect(html).toContain('关于&lt;改善&gt;农村道路的建议');
    expect(html).not.toContain('<改善>');
    expect(html).toContain('不满意票超过收回票数的50%的，测评结果为未通过。未通过的1件建议');
  });

  it('renders a .docx whose document part holds the table', async () => {
    const zip = await JSZip.loadAsync(await renderAnnouncementDocx(announcement));
    expect(Object.keys(zip.files).sort()).toEqual(['[Content_Types].xml', '_rels/', '_rels/.rels', 'word/', 'word/document.xml'].sort());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('20（66.67%）');
    expect(xml).toContain('关于&lt;改善&gt;农村道路的建议');
  });
});

describe('announcement of several subject kinds', () => {
  const mixed: Announcement = {
    ...announcement,
    items: [
      { ...announcement.items[0], kind: 'KEY_SUGGESTION' },
      { kind: 'REVIEW_OPINION_LIST', position: 2, number: null, title: '关于食品安全法执法检查报告的审议意见清单', issued: 5, returned: 5, satisfied: 1, basicallySatisfied: 1, unsatisfied: 3, passed: false },
    ],
  };

  it('keeps the key-suggestion wording while every item is a key suggestion', () => {
    expect(announcementColumns(announcement)).toEqual(ANNOUNCEMENT_COLUMNS);
    expect(announcementText(announcement).intro).toContain('对2件重点建议的办理情况逐件进行了满意度测评');
  });

  it('names each kind with its count, and says what happens to the failed ones of each', () => {
    expect(announcementColumns(mixed).slice(0, 3)).toEqual(['序号', '编号', '测评事项']);
    const text = announcementText(mixed);
    expect(text.intro).toContain('对1件重点建议的办理情况和1项审议意见研究处理情况的报告逐件进行了满意度测评');
    expect(text.rule).toContain('未通过的1项审议意见研究处理情况由报告机关重新研究处理');
    expect(text.rule).not.toContain('件建议由承办单位重新办理');
    expect(announcementRows(mixed)[1].slice(0, 3)).toEqual(['2', '—', '关于食品安全法执法检查报告的审议意见清单']);
  });
});
