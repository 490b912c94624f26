import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { PublishedScore } from '../api/issue9-types';

/** The standing committee's published satisfaction scores: one row per vote, counts with their shares. */
export function ScoreTable({ scores }: { scores: PublishedScore[] }) {
  const share = (key: 'satisfied' | 'basicallySatisfied' | 'unsatisfied') => (_: unknown, row: PublishedScore) => `${row[key].count}（${row[key].percent}）`;
  return (
    <Table size="small" rowKey={(row) => `${row.meetingDate}-${row.announcement ?? ''}`} pagination={false} dataSource={scores} scroll={{ x: 600 }} columns={[
      {
        title: '测评', render: (_: unknown, row) => (
          <span>{row.meetingName} · {dayjs(row.meetingDate).format('YYYY年M月D日')}
            {row.announcement ? <> · {row.announcementUrl ? <a href={row.announcementUrl} target="_blank" rel="noreferrer">公告{row.announcement}</a> : `公告${row.announcement}`}</> : null}</span>
        ),
      },
      { title: '满意', width: 100, render: share('satisfied') },
      { title: '基本满意', width: 100, render: share('basicallySatisfied') },
      { title: '不满意', width: 100, render: share('unsatisfied') },
      { title: '结果', dataIndex: 'passed', width: 80, render: (passed: boolean) => <Tag color={passed ? 'green' : 'red'}>{passed ? '通过' : '未通过'}</Tag> },
    ]} />
  );
}
