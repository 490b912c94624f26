import { Alert, Card, Descriptions, Empty, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { Named, SuggestionDetail } from '../api/types';
import { EventActions } from '../components/EventActions';
import { DEADLINE_LABELS, EVENT_LABELS, STATE_COLORS, STATE_LABELS } from '../labels';
import { useApi } from '../useApi';

const deadlineKind = (key: string) => DEADLINE_LABELS[key.split('_').slice(0, -1).join('_')] ?? DEADLINE_LABELS[key] ?? key;

/** One suggestion: content, deadlines with countdowns, replies, feedback, the history timeline, and what the caller may do now. */
export function SuggestionDetailPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<SuggestionDetail>(`/suggestions/${id}`);
  const units = useApi<Named[]>('/units');
  const deputies = useApi<Named[]>('/deputies');
  const unitName = (unitId: string | null) => units.data?.find((u) => u.id === unitId)?.name ?? '—';
  const deputyName = (deputyId: string) => deputies.data?.find((d) => d.id === deputyId)?.name ?? deputyId.slice(0, 8);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!data) return <Spin spinning={loading} tip="正在加载…"><div style={{ height: 200 }} /></Spin>;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Space wrap><span>{data.number ? `第${data.number}号 ` : ''}{data.title}</span>
        <Tag color={STATE_COLORS[data.state]}>{STATE_LABELS[data.state] ?? data.state}</Tag>
        {data.overdue ? <Tag color="red">超期</Tag> : null}{data.isKey ? <Tag color="gold">重点建议</Tag> : null}</Space>}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="类别">{data.category}</Descriptions.Item>
          <Descriptions.Item label="提出时间">{data.duringSession ? '大会期间' : '闭会期间'}</Descriptions.Item>
          <Descriptions.Item label="办理轮次">{data.round || '—'}</Descriptions.Item>
          <Descriptions.Item label="提出代表" span={3}>
            {data.proposers.map((p) => `${deputyName(p.deputyId)}${p.role === 'LEAD' ? '（领衔）' : p.status === 'CONFIRMED' ? '（联名）' : p.status === 'INVITED' ? '（待确认）' : '（已拒绝）'}`).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.content}</Typography.Paragraph>
        <EventActions suggestionId={data.id} allowed={data.allowedEvents} lookups={{ units: units.data ?? [], deputies: deputies.data ?? [] }} onDone={reload} />
      </Card>

      <Card title="办理期限" size="small">
        {data.openDeadlines.length === 0 ? <Empty description="没有进行中的期限" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
          <List size="small" dataSource={data.openDeadlines} renderItem={(d) => {
            const days = dayjs(d.dueAt).diff(dayjs(), 'day');
            return (
              <List.Item>
                <Space wrap>
                  <strong>{deadlineKind(d.key)}</strong>
                  {d.unitId ? <span>{unitName(d.unitId)}</span> : null}
                  <span>{dayjs(d.dueAt).format('YYYY年M月D日')}</span>
                  <Tag color={days < 0 ? 'red' : days <= 7 ? 'orange' : 'green'}>{days < 0 ? `已超期 ${-days} 天` : `剩余 ${days} 天`}</Tag>
                </Space>
              </List.Item>
            );
          }} />
        )}
      </Card>

      <Card title="答复与反馈" size="small">
        {data.replies.length === 0 ? <Empty description="尚未答复" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : data.replies.map((reply) => (
          <Card key={reply.id} type="inner" size="small" style={{ marginBottom: 8 }}
            title={`${unitName(reply.unitId)} · 第${reply.round}轮${reply.isFollowUp ? '跟踪' : ''}答复 · ${reply.classification} 类`}
            extra={dayjs(reply.repliedAt).format('YYYY-MM-DD')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</Typography.Paragraph>
            <Typography.Text type="secondary">签发人：{reply.signedBy ?? '—'}{reply.onTime ? '' : '（逾期答复）'}</Typography.Text>
          </Card>
        ))}
        {data.feedback.map((f) => (
          <div key={`${f.deputyId}-${f.round}`}>
            第{f.round}轮 · {deputyName(f.deputyId)}：办理工作 {label(f.handlingWork)}，办理结果 {label(f.result)}{f.comment ? `（${f.comment}）` : ''}
          </div>
        ))}
      </Card>

      <Card title="办理记录" size="small">
        <Timeline items={data.history.map((h) => ({
          children: (
            <span>
              <strong>{EVENT_LABELS[h.eventType] ?? h.eventType}</strong>
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
  return value === 'SATISFIED' ? '满意' : value === 'BASICALLY_SATISFIED' ? '基本满意' : value === 'UNSATISFIED' ? '不满意' : '未反馈';
}
