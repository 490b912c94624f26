import { Alert, Card, Descriptions, Empty, List, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { AuthUser, Named, SuggestionDetail } from '../api/types';
import { AttachmentsCard } from '../components/Attachments';
import { EventActions } from '../components/EventActions';
import {
  ASSIGNMENT_ROLE_LABELS, DEADLINE_LABELS, DISCLOSURE_STATE_LABELS, EVENT_LABELS, KEY_STATE_LABELS, SATISFACTION_LABELS, STATE_COLORS, STATE_LABELS, countdown,
} from '../labels';
import { useApi } from '../useApi';

const deadlineKind = (key: string) => DEADLINE_LABELS[key.split('_').slice(0, -1).join('_')] ?? DEADLINE_LABELS[key] ?? key;
const PROPOSER_STATUS: Record<string, string> = { CONFIRMED: '联名', INVITED: '待确认联名', DECLINED: '已拒绝联名', REMOVED: '已移除' };

/** One suggestion: content, deadlines with countdowns, replies, feedback, the history timeline, and what the caller may do now. */
export function SuggestionDetailPage({ user }: { user: AuthUser }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<SuggestionDetail>(`/suggestions/${id}`);
  const units = useApi<Named[]>('/units');
  const deputies = useApi<Named[]>('/deputies');
  const unitName = (unitId: string | null) => units.data?.find((u) => u.id === unitId)?.name ?? '—';
  const deputyName = (deputyId: string) => deputies.data?.find((d) => d.id === deputyId)?.name ?? '代表';

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!data) return <Spin spinning={loading} description="正在加载…"><div style={{ height: 200 }} /></Spin>;
  const invitedMe = data.proposers.some((p) => p.deputyId === user.deputyId && p.status === 'INVITED');
  // A draft or a suggestion under review has no deadlines or replies yet: no empty cards for them.
  const beforeHandling = data.state === 'draft' || data.state === 'review';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Space wrap><Typography.Title level={2} className="page-title">{data.number ? `第${data.number}号 ` : ''}{data.title}</Typography.Title>
        <Tag color={STATE_COLORS[data.state]}>{STATE_LABELS[data.state] ?? data.state}</Tag>
        {data.overdue ? <Tag color="red">超期</Tag> : null}{data.isKey ? <Tag color="gold">重点建议</Tag> : null}</Space>}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="类别">{data.category}</Descriptions.Item>
          <Descriptions.Item label="提出时间">{data.duringSession ? '大会期间' : '闭会期间'}{data.submittedAt ? ` · ${dayjs(data.submittedAt).format('YYYY-MM-DD')}` : '（未提交）'}</Descriptions.Item>
          <Descriptions.Item label="办理轮次">{data.round || '—'}</Descriptions.Item>
          <Descriptions.Item label="提出代表" span={3}>
            {data.proposers.map((p) => `${deputyName(p.deputyId)}（${p.role === 'LEAD' ? '领衔' : PROPOSER_STATUS[p.status] ?? p.status}）`).join('、')}
          </Descriptions.Item>
          {data.classification ? <Descriptions.Item label="答复类别">{data.classification} 类</Descriptions.Item> : null}
          {data.isKey && data.keyState ? <Descriptions.Item label="重点建议">{KEY_STATE_LABELS[data.keyState] ?? data.keyState}</Descriptions.Item> : null}
          {data.disclosureState ? <Descriptions.Item label="网上公开">{DISCLOSURE_STATE_LABELS[data.disclosureState] ?? data.disclosureState}</Descriptions.Item> : null}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{data.content}</Typography.Paragraph>
        {invitedMe ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="您被邀请联名这件建议，请确认或拒绝。" /> : null}
        {data.state === 'draft' && data.proposers.some((p) => p.status === 'INVITED') && !invitedMe ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="还有联名代表未确认；全部确认（或移除）后才能提交。" />
        ) : null}
        <EventActions suggestionId={data.id} allowed={data.allowedEvents} lookups={{ units: units.data ?? [], deputies: deputies.data ?? [] }} onDone={reload} />
      </Card>

      <AttachmentsCard suggestionId={data.id} editable={data.state === 'draft' && data.leadDeputyId === user.deputyId} onChanged={reload} />

      {data.assignments.length > 0 ? (
        <Card title="承办单位" size="small">
          <Table size="small" rowKey={(a) => `${a.unitId}-${a.round}`} pagination={false} dataSource={data.assignments} scroll={{ x: 560 }} columns={[
            { title: '单位', dataIndex: 'unitId', render: (unitId: string) => unitName(unitId) },
            { title: '方式', dataIndex: 'role', width: 70, render: (role: string) => ASSIGNMENT_ROLE_LABELS[role] ?? role },
            { title: '轮次', dataIndex: 'round', width: 60 },
            { title: '签收', dataIndex: 'acknowledged', width: 80, render: (done: boolean) => (done ? '已签收' : <Tag color="orange">未签收</Tag>) },
            { title: '见面沟通', dataIndex: 'contacts', width: 90, render: (n: number) => `${n} 次` },
            { title: '答复期限', dataIndex: 'replyDueAt', width: 170, render: (due: string | null, row) => (due ? (
              <span>{dayjs(due).format('YYYY-MM-DD')} {row.classification ? <Tag color="green">已答复</Tag> : <Tag color={countdown(due).color}>{countdown(due).text}</Tag>}</span>
            ) : '—') },
          ]} />
        </Card>
      ) : null}

      {beforeHandling && data.openDeadlines.length === 0 ? null : <Card title="办理期限" size="small">
        {data.openDeadlines.length === 0 ? <Empty description="没有进行中的期限" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <List size="small" dataSource={data.openDeadlines} renderItem={(d) => {
            const left = countdown(d.dueAt);
            return (
              <List.Item>
                <Space wrap>
                  <strong>{deadlineKind(d.key)}</strong>
                  {d.unitId ? <span>{unitName(d.unitId)}</span> : null}
                  <span>{dayjs(d.dueAt).format('YYYY年M月D日')}</span>
                  <Tag color={left.color}>{left.text}</Tag>
                </Space>
              </List.Item>
            );
          }} />
        )}
      </Card>}

      {beforeHandling && data.replies.length === 0 ? null : <Card title="答复与征询意见" size="small">
        {data.replies.length === 0 ? <Empty description="尚未答复" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : data.replies.map((reply) => (
          <Card key={reply.id} type="inner" size="small" style={{ marginBottom: 8 }}
            title={`${unitName(reply.unitId)} · 第${reply.round}轮${reply.isFollowUp ? '跟踪' : ''}答复 · ${reply.classification} 类`}
            extra={dayjs(reply.repliedAt).format('YYYY-MM-DD')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</Typography.Paragraph>
            <Typography.Text type="secondary">签发人：{reply.signedBy ?? '—'}{reply.onTime ? '' : '（逾期答复）'}</Typography.Text>
          </Card>
        ))}
        {data.feedback.length > 0 ? (
          <List size="small" header={<strong>代表征询意见</strong>} dataSource={data.feedback} renderItem={(f) => (
            <List.Item>
              第{f.round}轮 · {deputyName(f.deputyId)}：对办理工作 <Tag>{label(f.handlingWork)}</Tag>对办理结果 <Tag>{label(f.result)}</Tag>{f.comment ? `（${f.comment}）` : ''}
            </List.Item>
          )} />
        ) : null}
      </Card>}

      <Card title="办理记录" size="small">
        <Timeline items={[...data.history].reverse().map((h) => ({
          key: h.seq,
          color: h.eventType === 'DEADLINE_PASSED' ? 'red' : 'blue',
          content: (
            <span>
              <strong>{EVENT_LABELS[h.eventType] ?? h.eventType}</strong>
              {typeof h.payload?.fileName === 'string' ? <span>：{h.payload.fileName}</span> : null}
              <Typography.Text type="secondary"> {dayjs(h.at).format('YYYY-MM-DD HH:mm')} · {STATE_LABELS[h.toState] ?? h.toState}</Typography.Text>
              {h.reason ? <div>理由：{h.reason}</div> : null}
            </span>
          ),
        }))} />
      </Card>
    </Space>
  );
}

function label(value: string | null): string {
  return value ? SATISFACTION_LABELS[value] ?? value : '未反馈';
}
