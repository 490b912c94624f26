import JSZip from 'jszip';
import { renderAnnouncementDocx } from './announcement-docx.util';
import { Announcement, announcementRows, renderAnnouncementHtml } from './announcement.util';

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
