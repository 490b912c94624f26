import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Modal, Segmented, Select, Space, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, Named, Page, SearchHit, Suggestion } from '../api/types';
import { STATE_COLORS, STATE_LABELS } from '../labels';
import { useApi } from '../useApi';
import { Highlighted } from '../components/Highlighted';

const QUEUES = [
  { value: 'review', label: '待审查' },
  { value: 'awaitingAssignment', label: '待交办' },
  { value: 'inProgress', label: '办理中（调整、延期申请）' },
  { value: 'overdue', label: '超期' },
];

/** Every list of suggestions: the caller's own (deputy), all (office), or the office's review and assignment queue. */
export function SuggestionListPage({ user, reviewQueue = false }: { user: AuthUser; reviewQueue?: boolean }) {
  const [state, setState] = useState<string | undefined>(reviewQueue ? 'awaitingAssignment' : undefined);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [search, setSearch] = useState('');
  const query = useMemo(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '20' });
    if (state === 'overdue') params.set('overdue', 'true');
    else if (state) params.set('state', state);
    return `/suggestions?${params}`;
  }, [page, state]);
  const { data, error, loading, reload } = useApi<Page<Suggestion>>(search ? null : query);
  const hits = useApi<Page<SearchHit>>(search ? `/search?${new URLSearchParams({ q: search })}` : null);
  const units = useApi<Named[]>(reviewQueue ? '/units' : null);
  const canBatchAssign = reviewQueue && state === 'awaitingAssignment' && user.roles.some((r) => r === 'OFFICE' || r === 'GOV_OFFICE');
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

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

  const title = reviewQueue ? '审查交办' : user.roles.includes('DEPUTY') ? '我的建议' : '建议列表';
  return (
    <Card title={<Typography.Title level={2} className="page-title">{title}</Typography.Title>} extra={
      <Space wrap>
        <Input.Search placeholder="全文检索，如：公交站点" allowClear aria-label="全文检索" style={{ width: 220 }} onSearch={(value) => setSearch(value.trim())} />
        {reviewQueue ? null : (
          <Select style={{ width: 150 }} placeholder="按状态筛选" allowClear value={state} onChange={(value) => { setState(value); setPage(1); }}
            options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))} aria-label="按状态筛选" />
        )}
      </Space>
    }>
      {reviewQueue && !search ? (
        <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
          <Segmented aria-label="队列" value={state} options={QUEUES} onChange={(value) => { setState(value as string); setPage(1); setSelected([]); }} />
          {canBatchAssign ? <Button type="primary" disabled={selected.length === 0} onClick={() => setAssigning(true)}>批量交办（已选 {selected.length} 件）</Button> : null}
        </Space>
      ) : null}
      {reviewQueue && state === 'inProgress' && !search ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="承办单位申请调整或延期的建议，打开后可在“处理调整申请”“审批延期”中作出决定。" />
      ) : null}
      {error || hits.error ? <Alert type="error" title={error ?? hits.error} showIcon style={{ marginBottom: 12 }} /> : null}
      {search ? (
        <>
          <Space style={{ marginBottom: 8 }}>
            <span>“{search}”的检索结果：{hits.data?.total ?? 0} 件</span>
            <Button size="small" onClick={() => setSearch('')}>返回列表</Button>
          </Space>
          <List loading={hits.loading} dataSource={hits.data?.items ?? []} locale={{ emptyText: '没有找到相关建议' }} renderItem={(hit) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/suggestions/${hit.id}`}>{hit.numberLabel ? `${hit.numberLabel} ` : ''}<Highlighted html={hit.highlightedTitle} /></Link>}
                description={<Highlighted html={hit.snippet} />}
              />
            </List.Item>
          )} />
        </>
      ) : (
        <Table<Suggestion>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: reviewQueue ? '队列中没有建议' : '暂无建议' }}
          rowSelection={canBatchAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), columnTitle: '选择' } : undefined}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 件`, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          columns={[
            { title: '编号', dataIndex: 'number', width: 80, render: (n: number | null) => (n ? `第${n}号` : '—') },
            { title: '标题', dataIndex: 'title', render: (text: string, row) => <Link to={`/suggestions/${row.id}`}>{text}</Link> },
            { title: '类别', dataIndex: 'category', width: 96 },
            { title: '状态', dataIndex: 'state', width: 150, render: (s: string, row) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s] ?? s}</Tag>
                {row.overdue ? <Tag color="red">超期</Tag> : null}
                {row.isKey ? <Tag color="gold">重点</Tag> : null}
              </Space>
            ) },
            { title: '提出时间', dataIndex: 'createdAt', width: 110, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
          ]}
        />
      )}
      <Modal open={assigning} title={`批量交办 ${selected.length} 件建议`} footer={null} onCancel={() => setAssigning(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">同一批交办的建议共用同一个答复期限。交办后将通知承办单位，不能撤销。</Typography.Paragraph>
        <Form layout="vertical" onFinish={assign} initialValues={{ mode: 'LEAD_WITH_CO_UNITS' }}>
          <Form.Item name="mode" label="交办方式" rules={[{ required: true, message: '请选择交办方式' }]}>
            <Select options={[{ value: 'LEAD_WITH_CO_UNITS', label: '主办 + 协办' }, { value: 'SEPARATE', label: '分办' }]} />
          </Form.Item>
          <Form.Item name="unitIds" label="承办单位（含主办和协办）" rules={[{ required: true, message: '请选择承办单位' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} placeholder="输入单位名称查找" />
          </Form.Item>
          <Form.Item name="leadUnitId" label="主办单位" extra="“主办 + 协办”时必选，须是上面所选单位之一">
            <Select allowClear showSearch optionFilterProp="label" options={unitOptions} placeholder="输入单位名称查找" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>确认交办</Button>
        </Form>
      </Modal>
    </Card>
  );
}
