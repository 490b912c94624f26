import { useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Card, Form, Input, Modal, Progress, Radio, Result, Space, Spin, Table, Tag, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { api, streamEvents } from '../api/client';
import type { AuthUser, LiveCount, VoteItem, VoteSession } from '../api/types';
import { PersonSelect, usePeople } from '../components/PersonSelect';
import { VoteResultsChart } from '../components/VoteResults';
import { VOTE_STATE_LABELS } from '../labels';
import { useApi } from '../useApi';

const CHOICES = [
  { value: 'SATISFIED', label: '满意' },
  { value: 'BASICALLY_SATISFIED', label: '基本满意' },
  { value: 'UNSATISFIED', label: '不满意' },
];

const EVENT_TEXT: Record<string, { label: string; confirm: string; danger?: boolean }> = {
  CLOSE: { label: '结束投票', confirm: '结束后不能再投票，结果将立即统计。' },
  PUBLISH: { label: '发布公告', confirm: '公告将在公开网站发布，不能撤回。' },
  CANCEL: { label: '取消测评', confirm: '取消后本次测评作废，不能恢复。', danger: true },
};

/** One vote session: a phone-sized ballot for voters; controls, the live count and results for the chair and the office. */
export function VoteSessionPage({ user }: { user: AuthUser }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<VoteSession>(`/vote-sessions/${id}`);
  const watches = Boolean(data && data.state === 'open' && (user.roles.includes('OFFICE') || data.chairUserId === user.userId));

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin spinning={loading} description="正在加载…"><div style={{ height: 200 }} /></Spin>;
  const voter = data.state === 'open' && user.roles.some((r) => r === 'SC_MEMBER' || r === 'DEPUTY' || r === 'SC_LEADER' || r === 'COUNCIL_MEMBER');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={2} className="page-title">{data.title}</Typography.Title>}
        extra={<Tag color={data.state === 'open' ? 'processing' : data.state === 'published' ? 'green' : 'default'}>{VOTE_STATE_LABELS[data.state] ?? data.state}</Tag>}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>{data.meetingName} · {dayjs(data.meetingDate).format('YYYY年M月D日')} · 共 {data.items?.length ?? 0} 项</Typography.Paragraph>
        <Space wrap>
          <Controls session={data} onDone={reload} />
          {watches || data.state === 'closed' || data.state === 'published' ? (
            <Button href={`/vote-sessions/${data.id}/screen`} target="_blank">大屏显示</Button>
          ) : null}
          {data.state === 'published' ? <Button href={`/api/public/vote-announcements/${data.id}`} target="_blank">查看公告 {data.announcement}</Button> : null}
        </Space>
      </Card>
      {voter ? <Ballot session={data} onVoted={reload} /> : null}
      {watches ? <LiveCountCard sessionId={data.id} items={data.items ?? []} onEnded={reload} /> : null}
      {data.items?.[0]?.ballotsReturned !== undefined ? <ResultsCard items={data.items} /> : null}
    </Space>
  );
}

function Controls({ session, onDone }: { session: VoteSession; onDone: () => void }) {
  const { modal } = AntApp.useApp();
  const [opening, setOpening] = useState(false);
  const send = async (body: Record<string, unknown>) => {
    try {
      await api(`/vote-sessions/${session.id}/events`, { method: 'POST', body });
      message.success('已完成');
      setOpening(false);
      onDone();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };
  const allowed = session.allowedEvents ?? [];
  return (
    <>
      {allowed.includes('OPEN') ? <Button type="primary" onClick={() => setOpening(true)}>开始投票</Button> : null}
      {allowed.filter((type) => EVENT_TEXT[type]).map((type) => (
        <Button key={type} danger={EVENT_TEXT[type].danger} type={type === 'CLOSE' ? 'primary' : 'default'} onClick={() => {
          if (type === 'CANCEL') {
            modal.confirm({
              title: '取消测评', okText: '确认取消', cancelText: '返回', okButtonProps: { danger: true },
              content: <Form id="cancel-form" layout="vertical"><Form.Item label="理由" htmlFor="cancel-reason"><Input.TextArea id="cancel-reason" rows={3} /></Form.Item></Form>,
              onOk: () => send({ type, reason: (document.getElementById('cancel-reason') as HTMLTextAreaElement | null)?.value || '会议决定取消' }),
            });
            return;
          }
          modal.confirm({ title: `${EVENT_TEXT[type].label}？`, content: EVENT_TEXT[type].confirm, okText: '确认', cancelText: '取消', onOk: () => send({ type }) });
        }}>{EVENT_TEXT[type].label}</Button>
      ))}
      <Modal open={opening} title="开始投票" footer={null} onCancel={() => setOpening(false)} destroyOnHidden>
        <OpenForm onOpen={(values) => send({ type: 'OPEN', ...values })} />
      </Modal>
    </>
  );
}

/** Who may vote: the standing-committee members present, chosen by name (all at once when everyone came), and invited deputies. */
function OpenForm({ onOpen }: { onOpen: (values: { memberIds: string[]; deputyUserIds: string[] }) => void }) {
  const [form] = Form.useForm<{ memberIds: string[]; deputyUserIds?: string[] }>();
  const members = usePeople(['SC_MEMBER']);
  const chosen = Form.useWatch('memberIds', form) ?? [];
  return (
    <Form form={form} layout="vertical" onFinish={(values) => onOpen({ memberIds: values.memberIds, deputyUserIds: values.deputyUserIds ?? [] })}>
      <Form.Item label="到会的常委会组成人员" htmlFor="memberIds" required extra={`只有到会人员能够投票；已选 ${chosen.length} / ${members.data?.length ?? 0} 人`}>
        <Space.Compact block>
          <Form.Item name="memberIds" noStyle rules={[{ required: true, message: '请选择到会人员' }]}>
            <PersonSelect id="memberIds" roles={['SC_MEMBER']} multiple placeholder="输入姓名选择到会人员" />
          </Form.Item>
          <Button onClick={() => form.setFieldValue('memberIds', (members.data ?? []).map((person) => person.id))} disabled={!members.data?.length}>全部到会</Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="deputyUserIds" label="列席投票的代表（可选）">
        <PersonSelect roles={['DEPUTY']} multiple placeholder="输入姓名选择代表" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block>开始投票</Button>
    </Form>
  );
}

/** Sized for a phone: one card per item, three large choices, one confirmation before the secret ballot goes in. */
function Ballot({ session, onVoted }: { session: VoteSession; onVoted: () => void }) {
  const { modal } = AntApp.useApp();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const voted = new Set(session.myVotedItemIds ?? []);
  const open = (session.items ?? []).filter((item) => !voted.has(item.id));
  if (open.length === 0) return <Card className="ballot"><Result status="success" title="您的选票已提交" subTitle="感谢参加测评。投票是无记名的，任何人都看不到您的选择。" /></Card>;
  const missing = open.filter((item) => !choices[item.id]).length;

  const submit = () => modal.confirm({
    title: '提交选票？', content: '提交后不能修改。', okText: '提交', cancelText: '再看看',
    onOk: async () => {
      setBusy(true);
      try {
        await api(`/vote-sessions/${session.id}/ballots`, { method: 'POST', body: { choices: open.map((item) => ({ itemId: item.id, choice: choices[item.id] })) } });
        message.success('选票已提交');
        onVoted();
      } catch (failure) {
        message.error((failure as Error).message);
      } finally {
        setBusy(false);
      }
    },
  });

  return (
    <div className="ballot">
      <Typography.Title level={3} style={{ fontSize: 18 }}>选票（无记名）</Typography.Title>
      {open.map((item) => (
        <Card key={item.id} size="small" style={{ marginBottom: 12 }} title={<span style={{ whiteSpace: 'normal' }}>{item.position}. {item.number ? `第${item.number}号 ` : ''}{item.title}</span>}>
          <Radio.Group aria-label={`对“${item.title}”办理情况的评价`} className="ballot-choices" optionType="button" buttonStyle="solid" size="large"
            value={choices[item.id]} onChange={(e) => setChoices({ ...choices, [item.id]: e.target.value as string })} options={CHOICES} />
        </Card>
      ))}
      <Button type="primary" size="large" block disabled={missing > 0} loading={busy} onClick={submit}>
        {missing > 0 ? `还有 ${missing} 项未选择` : '提交选票'}
      </Button>
    </div>
  );
}

function LiveCountCard({ sessionId, items, onEnded }: { sessionId: string; items: VoteItem[]; onEnded: () => void }) {
  const [count, setCount] = useState<LiveCount | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => streamEvents<LiveCount>(`/vote-sessions/${sessionId}/live`, (next) => {
    setCount(next);
    if (next.state !== 'open' && next.state !== 'created') onEnded();
  }, setProblem), [sessionId, onEnded]);
  const titles = new Map(items.map((i) => [i.id, i]));
  return (
    <Card title="实时回收情况（只计票数，不显示选择）">
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
      {!count ? <Spin description="正在连接…"><div style={{ height: 60 }} /></Spin> : (
        <>
          <Typography.Paragraph className="live-total" aria-live="polite">已投票 {count.votersReturned} / {count.votersEntitled} 人</Typography.Paragraph>
          <Progress percent={count.votersEntitled ? Math.round((count.votersReturned / count.votersEntitled) * 100) : 0} />
          <Table size="small" rowKey="itemId" pagination={false} dataSource={count.items} columns={[
            { title: '项目', dataIndex: 'itemId', render: (itemId: string) => { const i = titles.get(itemId); return i ? `${i.position}. ${i.title}` : itemId; } },
            { title: '已收回 / 发出', dataIndex: 'returned', width: 130, render: (returned: number, row) => `${returned} / ${row.issued}` },
          ]} />
        </>
      )}
    </Card>
  );
}

function ResultsCard({ items }: { items: VoteItem[] }) {
  return (
    <Card title="测评结果">
      <VoteResultsChart items={items} />
      <Table size="small" rowKey="id" pagination={false} dataSource={items} scroll={{ x: 640 }} columns={[
        { title: '项目', dataIndex: 'title', render: (t: string, row) => <Link to={`/suggestions/${row.suggestionId}`}>{row.position}. {t}</Link> },
        { title: '满意', width: 100, render: (_: unknown, row) => `${row.satisfied?.count ?? 0}（${row.satisfied?.percent ?? '—'}）` },
        { title: '基本满意', width: 100, render: (_: unknown, row) => `${row.basicallySatisfied?.count ?? 0}（${row.basicallySatisfied?.percent ?? '—'}）` },
        { title: '不满意', width: 100, render: (_: unknown, row) => `${row.unsatisfied?.count ?? 0}（${row.unsatisfied?.percent ?? '—'}）` },
        { title: '结果', dataIndex: 'passed', width: 80, render: (passed: boolean) => <Tag color={passed ? 'green' : 'red'}>{passed ? '通过' : '未通过'}</Tag> },
      ]} />
    </Card>
  );
}
