import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Typography, message } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, CouncilMeeting, KeyItem } from '../api/types';
import { useApi } from '../useApi';

interface MeetingSummary {
  id: string;
  title: string;
  meetingDate: string;
  items: number;
  heard: number;
}

/** Council meetings (主任会议) that hear key suggestions; the office plans them with an ordered agenda. */
export function MeetingsPage({ user }: { user: AuthUser }) {
  const navigate = useNavigate();
  const meetings = useApi<MeetingSummary[]>('/council-meetings');
  const [creating, setCreating] = useState(false);
  const keys = useApi<{ items: KeyItem[] }>(creating ? '/key-suggestions' : null);

  const create = async (values: { title: string; meetingDate: dayjs.Dayjs; suggestionIds?: string[] }) => {
    try {
      const created = await api<CouncilMeeting>('/council-meetings', {
        method: 'POST', body: { title: values.title, meetingDate: values.meetingDate.format('YYYY-MM-DD'), suggestionIds: values.suggestionIds ?? [] },
      });
      message.success('已安排会议');
      navigate(`/meetings/${created.id}`);
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  return (
    <Card title={<Typography.Title level={2} className="page-title">主任会议</Typography.Title>}
      extra={user.roles.includes('OFFICE') ? <Button type="primary" onClick={() => setCreating(true)}>安排会议</Button> : null}>
      {meetings.error ? <Alert type="error" showIcon title={meetings.error} /> : null}
      <Table<MeetingSummary> rowKey="id" loading={meetings.loading} dataSource={meetings.data ?? []} locale={{ emptyText: '暂无会议' }} pagination={false} scroll={{ x: 480 }}
        columns={[
          { title: '会议', dataIndex: 'title', render: (title: string, row) => <Link to={`/meetings/${row.id}`}>{title}</Link> },
          { title: '日期', dataIndex: 'meetingDate', width: 120, render: (d: string) => dayjs(d).format('YYYY-MM-DD') },
          { title: '议程', dataIndex: 'items', width: 140, render: (n: number, row) => `${row.heard} / ${n} 项已听取` },
        ]} />
      <Modal open={creating} title="安排主任会议" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={create}>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}><Input placeholder="如：第三十次主任会议" /></Form.Item>
          <Form.Item name="meetingDate" label="会议日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="suggestionIds" label="议程（按选择顺序听取）">
            <Select mode="multiple" showSearch optionFilterProp="label" loading={keys.loading} placeholder="选择重点建议"
              options={(keys.data?.items ?? []).map((k) => ({ value: k.suggestionId, label: `${k.number ? `第${k.number}号 ` : ''}${k.title}` }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>安排</Button>
        </Form>
      </Modal>
    </Card>
  );
}
