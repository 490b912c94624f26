import { Alert, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { InboxItem } from '../api/types';
import { useApi } from '../useApi';

const ROLE = { LEAD: '主办', CO: '协办', SEPARATE: '分办' } as Record<string, string>;

/** A handling unit's open work, overdue first and then by nearest deadline, with countdowns. */
export function InboxPage() {
  const { data, error, loading } = useApi<InboxItem[]>('/inbox');
  return (
    <Card title="办理工作台">
      {error ? <Alert type="error" title={error} showIcon /> : null}
      <Table<InboxItem>
        rowKey={(row) => `${row.suggestionId}-${row.round}`}
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: '没有待办建议' }}
        pagination={false}
        scroll={{ x: 640 }}
        rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
        columns={[
          { title: '编号', dataIndex: 'number', width: 90, render: (n: number | null) => (n ? `第${n}号` : '—') },
          { title: '标题', dataIndex: 'title', render: (title: string, row) => <Link to={`/suggestions/${row.suggestionId}`}>{title}</Link> },
          { title: '承办方式', dataIndex: 'role', width: 90, render: (role: string) => ROLE[role] ?? role },
          { title: '签收', dataIndex: 'acknowledged', width: 80, render: (done: boolean) => (done ? '已签收' : <Tag color="orange">未签收</Tag>) },
          { title: '最近期限', dataIndex: 'nextDueAt', width: 200, render: (due: string | null, row) => {
            if (row.overdue) return <Tag color="red">已超期</Tag>;
            if (!due) return '—';
            const days = dayjs(due).diff(dayjs(), 'day');
            return <span>{dayjs(due).format('YYYY-MM-DD')} <Tag color={days <= 7 ? 'orange' : 'green'}>剩 {days} 天</Tag></span>;
          } },
        ]}
      />
    </Card>
  );
}
