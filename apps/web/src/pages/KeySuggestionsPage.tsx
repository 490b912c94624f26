import { useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, KeyItem, KeyProposal, Page, Suggestion } from '../api/types';
import { KEY_STATE_LABELS, PROPOSAL_STATUS_LABELS, STATE_LABELS } from '../labels';
import { PersonSelect } from '../components/PersonSelect';
import { can } from '../roles';
import { useApi } from '../useApi';

interface KeyList {
  total: number;
  topics: Array<{ topic: string | null; suggestionIds: string[] }>;
  items: KeyItem[];
}

/** Key suggestions (重点建议): the office proposes, the council decides, everyone with a part follows them by topic. */
export function KeySuggestionsPage({ user }: { user: AuthUser }) {
  const keys = useApi<KeyList>('/key-suggestions');
  const proposals = useApi<KeyProposal[]>('/key-suggestions/proposals');
  const titles = useMemo(() => new Map((keys.data?.items ?? []).map((i) => [i.suggestionId, i])), [keys.data]);
  const reload = () => { void keys.reload(); void proposals.reload(); };

  return (
    <Card title={<Typography.Title level={2} className="page-title">重点建议</Typography.Title>}>
      {keys.error ? <Alert type="error" showIcon title={keys.error} /> : null}
      <Tabs items={[
        {
          key: 'list', label: `重点建议（${keys.data?.total ?? 0}）`,
          children: (
            <Table<KeyItem> rowKey="suggestionId" loading={keys.loading} dataSource={keys.data?.items ?? []} locale={{ emptyText: '尚未确定重点建议' }}
              pagination={false} scroll={{ x: 760 }} columns={[
                { title: '专题', dataIndex: 'topic', width: 110, render: (t: string | null) => t ?? '—' },
                { title: '建议', dataIndex: 'title', render: (title: string, row) => <Link to={`/suggestions/${row.suggestionId}`}>{row.number ? `第${row.number}号 ` : ''}{title}</Link> },
                { title: '督办领导', dataIndex: 'supervisingLeaderName', width: 150 },
                { title: '领办领导', dataIndex: 'leadingLeaderName', width: 120 },
                { title: '办理', dataIndex: 'state', width: 100, render: (s: string, row) => <Space size={2} wrap>{STATE_LABELS[s] ?? s}{row.overdue ? <Tag color="red">超期</Tag> : null}</Space> },
                { title: '重点进程', dataIndex: 'keyState', width: 110, render: (s: string, row) => (
                  <Tag color={row.lastVotePassed === false ? 'red' : row.lastVotePassed ? 'green' : 'gold'}>{KEY_STATE_LABELS[s] ?? s}</Tag>
                ) },
              ]} />
          ),
        },
        {
          key: 'proposals', label: '提名与决定',
          children: <Proposals user={user} proposals={proposals.data ?? []} loading={proposals.loading} error={proposals.error} titles={titles} onChanged={reload} />,
        },
      ]} />
    </Card>
  );
}

function Proposals({ user, proposals, loading, error, titles, onChanged }: {
  user: AuthUser; proposals: KeyProposal[]; loading: boolean; error: string | null; titles: Map<string, KeyItem>; onChanged: () => void;
}) {
  const { modal } = AntApp.useApp();
  const [proposing, setProposing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const candidates = useApi<Page<Suggestion>>(can(user, 'proposeKey') ? '/suggestions?state=inProgress&pageSize=200' : null);
  const candidateTitle = (id: string) => {
    const s = candidates.data?.items.find((c) => c.id === id) ?? titles.get(id);
    return s ? `${s.number ? `第${s.number}号 ` : ''}${s.title}` : '建议';
  };

  const decide = async (body: { approve?: string[]; reject?: Array<{ proposalId: string; reason: string }> }) => {
    try {
      await api('/key-suggestions/decisions', { method: 'POST', body });
      message.success('已记录主任会议的决定');
      setSelected([]);
      setRejecting(false);
      onChanged();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  const propose = async (values: { suggestionIds: string[]; topic?: string; supervisingLeaderId: string; leadingLeaderId: string; supervisingCommittee?: string }) => {
    try {
      const { suggestionIds, ...rest } = values;
      await api('/key-suggestions/proposals', { method: 'POST', body: { items: suggestionIds.map((suggestionId) => ({ suggestionId, ...clean(rest) })) } });
      message.success(`已提名 ${suggestionIds.length} 件重点建议，待主任会议决定`);
      setProposing(false);
      onChanged();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  const pending = selected.filter((id) => proposals.find((p) => p.id === id)?.status === 'PROPOSED');
  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        {can(user, 'proposeKey') ? <Button type="primary" onClick={() => setProposing(true)}>提名重点建议</Button> : null}
        {can(user, 'decideKey') ? (
          <>
            <Button type="primary" disabled={pending.length === 0} onClick={() => modal.confirm({
              title: `同意 ${pending.length} 件提名？`, content: '同意后这些建议即成为重点建议，不能撤销。', okText: '同意', cancelText: '取消',
              onOk: () => decide({ approve: pending }),
            })}>同意所选（{pending.length}）</Button>
            <Button danger disabled={pending.length === 0} onClick={() => setRejecting(true)}>不同意所选</Button>
          </>
        ) : null}
      </Space>
      <Table<KeyProposal> rowKey="id" loading={loading} dataSource={proposals} locale={{ emptyText: '暂无提名' }} pagination={false} scroll={{ x: 600 }}
        rowSelection={can(user, 'decideKey') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (p) => ({ disabled: p.status !== 'PROPOSED' }), columnTitle: '选择' } : undefined}
        columns={[
          { title: '建议', dataIndex: 'suggestionId', render: (id: string) => <Link to={`/suggestions/${id}`}>{candidateTitle(id)}</Link> },
          { title: '专题', dataIndex: 'topic', width: 110, render: (t: string | null) => t ?? '—' },
          { title: '提名时间', dataIndex: 'proposedAt', width: 110, render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
          { title: '状态', dataIndex: 'status', width: 150, render: (s: string, row) => (
            <span><Tag color={s === 'APPROVED' ? 'green' : s === 'REJECTED' ? 'red' : 'gold'}>{PROPOSAL_STATUS_LABELS[s] ?? s}</Tag>{row.decisionReason ?? ''}</span>
          ) },
        ]} />
      <Modal open={proposing} title="提名重点建议" footer={null} onCancel={() => setProposing(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={propose}>
          <Form.Item name="suggestionIds" label="建议（办理中）" rules={[{ required: true, message: '请选择建议' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" loading={candidates.loading} placeholder="输入标题查找"
              options={(candidates.data?.items ?? []).filter((s) => !s.isKey).map((s) => ({ value: s.id, label: `${s.number ? `第${s.number}号 ` : ''}${s.title}` }))} />
          </Form.Item>
          <Form.Item name="topic" label="专题"><Input placeholder="如：交通出行" /></Form.Item>
          <Form.Item name="supervisingLeaderId" label="督办的常委会领导" rules={[{ required: true, message: '请选择督办领导' }]}>
            <PersonSelect roles={['SC_LEADER']} placeholder="输入姓名查找常委会领导" />
          </Form.Item>
          <Form.Item name="supervisingCommittee" label="协同督办的专门委员会"><Input /></Form.Item>
          <Form.Item name="leadingLeaderId" label="领办的政府领导" rules={[{ required: true, message: '请选择领办领导' }]}>
            <PersonSelect roles={['GOV_LEADER']} placeholder="输入姓名查找政府领导" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>提交主任会议决定</Button>
        </Form>
      </Modal>
      <Modal open={rejecting} title={`不同意 ${pending.length} 件提名`} footer={null} onCancel={() => setRejecting(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={(values: { reason: string }) => decide({ reject: pending.map((proposalId) => ({ proposalId, reason: values.reason })) })}>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item>
          <Button danger type="primary" htmlType="submit" block>确认不同意</Button>
        </Form>
      </Modal>
    </>
  );
}

function clean<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
