import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, Named, Page, Suggestion } from '../api/types';
import { STATE_COLORS, STATE_LABELS } from '../labels';
import { useApi } from '../useApi';

/** Every list of suggestions: the caller's own (deputy), all (office), or the review and assignment queue. */
export function SuggestionListPage({ user, reviewQueue = false }: { user: AuthUser; reviewQueue?: boolean }) {
  const [state, setState] = useState<string | undefined>(reviewQueue ? 'awaitingAssignment' : undefined);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const query = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '20' });
    if (state) params.set('state', state);
    return `/suggestions?${params}`;
  }, [page, state]);
  const { data, error, loading, reload } = useApi<Page<Suggestion> & { page: number }>(query);
  const units = useApi<Named[]>(reviewQueue ? '/units' : null);
  const canBatchAssign = reviewQueue && state === 'awaitingAssignment' && user.roles.some((r) => r === 'OFFICE' || r === 'GOV_OFFICE');

  const assign = async (values: { mode: string; unitIds: string[]; leadUnitId?: string }) => {
    try {
      const result = await api<{ assigned: number }>('/suggestions/batch-assign', { method: 'POST', body: { suggestionIds: selected, assignment: values } });
      message.success(`已交办 ${result.assigned} 件建议`);
      setAssigning(false);
      setSelected([]);
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  return (
    <Card title={reviewQueue ? '审查交办' : '建议列表'} extra={
      <Space wrap>
        <Select style={{ width: 160 }} placeholder="按状态筛选" allowClear value={state} onChange={(value) => { setState(value); setPage(1); }}
          options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))} aria-label="按状态筛选" />
        {canBatchAssign ? <Button type="primary" disabled={selected.length === 0} onClick={() => setAssigning(true)}>批量交办（{selected.length}）</Button> : null}
      </Space>
    }>
      {error ? <Alert type="error" title={error} showIcon /> : null}
      <Table<Suggestion>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无建议' }}
        rowSelection={canBatchAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 件` }}
        scroll={{ x: 720 }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 90, render: (n: number | null) => (n ? `第${n}号` : '—') },
          { title: '标题', dataIndex: 'title', render: (title: string, row) => <Link to={`/suggestions/${row.id}`}>{title}</Link> },
          { title: '类别', dataIndex: 'category', width: 100 },
          { title: '状态', dataIndex: 'state', width: 130, render: (s: string, row) => (
            <Space size={4}>
              <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s] ?? s}</Tag>
              {row.overdue ? <Tag color="red">超期</Tag> : null}
              {row.isKey ? <Tag color="gold">重点</Tag> : null}
            </Space>
          ) },
          { title: '提出时间', dataIndex: 'createdAt', width: 120, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
        ]}
      />
      <Modal open={assigning} title={`批量交办 ${selected.length} 件建议`} footer={null} onCancel={() => setAssigning(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">同一批交办的建议共用同一个答复期限。</Typography.Paragraph>
        <Form layout="vertical" onFinish={assign} initialValues={{ mode: 'LEAD_WITH_CO_UNITS' }}>
          <Form.Item name="mode" label="交办方式" rules={[{ required: true }]}>
            <Select options={[{ value: 'LEAD_WITH_CO_UNITS', label: '主办 + 协办' }, { value: 'SEPARATE', label: '分办' }]} />
          </Form.Item>
          <Form.Item name="unitIds" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="leadUnitId" label="主办单位">
            <Select allowClear showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>确认交办</Button>
        </Form>
      </Modal>
    </Card>
  );
}
