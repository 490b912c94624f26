import { Alert, Card, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import type { InboxItem } from '../api/types';
import { ASSIGNMENT_ROLE_LABELS, STATE_LABELS, countdown } from '../labels';
import { useApi } from '../useApi';

/** A handling unit's open work, overdue first and then by nearest deadline (the API's order), with countdowns. */
export function InboxPage() {
  const { data, error, loading } = useApi<Array<InboxItem & { contacts: number; opinionGiven: boolean; adjustmentRequested: boolean }>>('/inbox');
  const items = data ?? [];
  return (
    <Card title={<Typography.Title level={2} className="page-title">办理工作台</Typography.Title>}>
      <Space size={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title="待办建议" value={items.length} suffix="件" />
        <Statistic title="未签收" value={items.filter((i) => !i.acknowledged).length} suffix="件" />
        <Statistic title="已超期" value={items.filter((i) => i.overdue).length} suffix="件" styles={{ content: { color: items.some((i) => i.overdue) ? '#a8071a' : undefined } }} />
      </Space>
      {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey={(row) => `${row.suggestionId}-${row.round}`}
        loading={loading}
        dataSource={items}
        locale={{ emptyText: '没有待办建议' }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
        columns={[
          { title: '编号', dataIndex: 'number', width: 80, responsive: ['md'], render: (n: number | null) => (n ? `第${n}号` : '—') },
          { title: '标题', dataIndex: 'title', render: (title: string, row) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/suggestions/${row.suggestionId}`}>{title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.number ? `第${row.number}号 · ` : ''}{STATE_LABELS[row.state] ?? row.state} · {ASSIGNMENT_ROLE_LABELS[row.role] ?? row.role} · 沟通 {row.contacts} 次{row.adjustmentRequested ? ' · 已申请调整' : ''}{row.acknowledged ? '' : ' · 未签收'}
              </Typography.Text>
            </Space>
          ) },
          { title: '承办方式', dataIndex: 'role', width: 84, responsive: ['md'], render: (role: string) => ASSIGNMENT_ROLE_LABELS[role] ?? role },
          { title: '签收', dataIndex: 'acknowledged', width: 84, responsive: ['md'], render: (done: boolean) => (done ? '已签收' : <Tag color="orange">未签收</Tag>) },
          { title: '最近期限', dataIndex: 'nextDueAt', render: (due: string | null, row) => {
            if (!due) return row.overdue ? <Tag color="red">已超期</Tag> : '—';
            const left = countdown(due);
            return <span><span className="due-date">{dayjs(due).format('YYYY-MM-DD')} </span><Tag color={row.overdue ? 'red' : left.color}>{row.overdue && !left.overdue ? '已超期' : left.text}</Tag></span>;
          } },
        ]}
      />
    </Card>
  );
}
