import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography, message } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, KeyItem, VoteSession } from '../api/types';
import { PersonSelect } from '../components/PersonSelect';
import { VOTE_STATE_LABELS } from '../labels';
import { useApi } from '../useApi';

const STATE_COLOR: Record<string, string> = { created: 'default', open: 'processing', closed: 'orange', published: 'green', cancelled: 'default' };

/** Satisfaction votes (满意度测评) on heard key suggestions: the office prepares them, members vote, the chair watches. */
export function VoteSessionsPage({ user }: { user: AuthUser }) {
  const navigate = useNavigate();
  const sessions = useApi<VoteSession[]>('/vote-sessions');
  const [creating, setCreating] = useState(false);
  const keys = useApi<{ items: KeyItem[] }>(creating ? '/key-suggestions' : null);

  const create = async (values: { title: string; meetingName: string; meetingDate: dayjs.Dayjs; chairUserId?: string; suggestionIds: string[] }) => {
    try {
      const created = await api<VoteSession>('/vote-sessions', {
        method: 'POST',
        body: { ...values, meetingDate: values.meetingDate.format('YYYY-MM-DD'), chairUserId: values.chairUserId || undefined },
      });
      message.success('已准备测评');
      navigate(`/vote-sessions/${created.id}`);
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  return (
    <Card title={<Typography.Title level={2} className="page-title">满意度测评</Typography.Title>}
      extra={user.roles.includes('OFFICE') ? <Button type="primary" onClick={() => setCreating(true)}>准备测评</Button> : null}>
      {sessions.error ? <Alert type="error" showIcon title={sessions.error} /> : null}
      <Table<VoteSession> rowKey="id" loading={sessions.loading} dataSource={sessions.data ?? []} locale={{ emptyText: '暂无测评' }} pagination={false} scroll={{ x: 520 }}
        columns={[
          { title: '测评', dataIndex: 'title', render: (title: string, row) => <Link to={`/vote-sessions/${row.id}`}>{title}</Link> },
          { title: '会议', dataIndex: 'meetingName', width: 200, responsive: ['md'] },
          { title: '日期', dataIndex: 'meetingDate', width: 110, render: (d: string) => dayjs(d).format('YYYY-MM-DD') },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <Tag color={STATE_COLOR[s]}>{VOTE_STATE_LABELS[s] ?? s}</Tag> },
        ]} />
      <Modal open={creating} title="准备满意度测评" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={create}>
          <Form.Item name="title" label="测评名称" rules={[{ required: true, message: '请填写名称' }]}><Input placeholder="如：2026年重点建议办理情况满意度测评" /></Form.Item>
          <Form.Item name="meetingName" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}><Input placeholder="如：县人大常委会第二十次会议" /></Form.Item>
          <Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="chairUserId" label="主持人（常委会领导）" extra="主持人可在投票中查看实时计数"><PersonSelect roles={['SC_LEADER']} placeholder="输入姓名查找常委会领导" /></Form.Item>
          <Form.Item name="suggestionIds" label="测评的重点建议（已听取汇报）" rules={[{ required: true, message: '请选择建议' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={keys.loading}
              options={(keys.data?.items ?? []).filter((k) => k.hearings > 0).map((k) => ({ value: k.suggestionId, label: `${k.number ? `第${k.number}号 ` : ''}${k.title}` }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>准备</Button>
        </Form>
      </Modal>
    </Card>
  );
}
