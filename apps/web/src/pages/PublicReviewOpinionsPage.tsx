import { Alert, Card, Descriptions, Empty, List, Progress, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PublicReviewItem, PublicReviewList } from '../api/issue9-types';
import { ScoreTable } from '../components/ScoreTable';
import { REVIEW_ITEM_STATUS, REVIEW_LIST_STATE_LABELS, REVIEW_RESULT } from '../oversight-labels';
import { useApi } from '../useApi';

const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY年M月D日') : '—');

/** 审议意见 on the public site: each assigned list with its closing progress, every item's status and accepted report, the written report and its scores. */
export function PublicReviewOpinionsPage({ base }: { base: string }) {
  const { data, error, loading } = useApi<PublicReviewList[]>(`${base}/review-opinions`);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        常委会审议意见交有关单位研究处理，逐条办理、逐条销号；报告机关书面报告研究处理情况，常委会进行满意度测评。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.startsWith('未找到') ? '没有这个人大的公开网站，请检查网址' : error} /> : null}
      {loading && !data ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null}
      {data && data.length === 0 ? <Card><Empty description="暂无已交办的审议意见" /></Card> : null}
      {(data ?? []).map((list) => <ReviewListCard key={list.id} list={list} />)}
    </Space>
  );
}

function ReviewListCard({ list }: { list: PublicReviewList }) {
  const { progress } = list;
  const result = REVIEW_RESULT[list.result];
  const published = list.scores.length > 0;
  return (
    <Card
      title={<span style={{ whiteSpace: 'normal' }}>{list.title}</span>}
      extra={<Space size={4} wrap><Tag>{REVIEW_LIST_STATE_LABELS[list.state] ?? list.state}</Tag>{published ? <Tag color={result.color}>{result.label}</Tag> : null}</Space>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={[
        { key: 'source', label: '审议的报告', children: list.sourceReport },
        { key: 'meeting', label: '会议', children: list.meetingName },
        { key: 'unit', label: '报告机关', children: list.reportingUnit ?? '—' },
        { key: 'assigned', label: '交办日期', children: day(list.assignedAt) },
        {
          key: 'due', label: '书面报告期限',
          children: <>{day(list.reportDueAt)}{list.reportOverdue ? <Tag color="red" style={{ marginInlineStart: 8 }}>报告逾期</Tag> : null}</>,
        },
        { key: 'submitted', label: '报告提交', children: list.reportSubmittedAt ? day(list.reportSubmittedAt) : '尚未提交' },
      ]} />
      <div style={{ margin: '12px 0' }} aria-label="销号进度">
        <Typography.Text strong>销号进度：已销号 {progress.closed} / {progress.items} 条</Typography.Text>
        <Progress percent={progress.items ? Math.round((progress.closed / progress.items) * 100) : 0} />
        <Typography.Text type="secondary">按期销号 {progress.closedOnTime} 条 · 曾退回重办 {progress.itemsSentBack} 条</Typography.Text>
      </div>
      <List size="small" bordered dataSource={list.items} rowKey="position" renderItem={(item) => <ReviewItemRow item={item} />} />
      {list.report ? (
        <Card size="small" type="inner" title="研究处理情况的书面报告" style={{ marginTop: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{list.report}</Typography.Paragraph>
        </Card>
      ) : null}
      <Card size="small" type="inner" title="常委会满意度测评" style={{ marginTop: 12 }}>
        {published ? <ScoreTable scores={list.scores} /> : <Typography.Text type="secondary">测评结果公告后在此公开。</Typography.Text>}
      </Card>
    </Card>
  );
}

function ReviewItemRow({ item }: { item: PublicReviewItem }) {
  const status = REVIEW_ITEM_STATUS[item.status] ?? { label: item.status, color: 'default' };
  return (
    <List.Item style={{ display: 'block' }}>
      <div style={{ whiteSpace: 'pre-wrap' }}>{item.position}. {item.content}</div>
      <Space wrap size={4} style={{ marginTop: 4 }}>
        <Tag color={status.color}>{status.label}</Tag>
        <span className="muted">{item.unit ?? '—'} · 期限 {day(item.dueAt)}</span>
        {item.overdue ? <Tag color="red">逾期</Tag> : null}
        {item.sentBackCount > 0 ? <Tag color="orange">退回 {item.sentBackCount} 次</Tag> : null}
        {item.closedAt ? <span className="muted">· {day(item.closedAt)}销号{item.closedOnTime === false ? '（逾期）' : item.closedOnTime ? '（按期）' : ''}</span> : null}
      </Space>
      {item.report ? (
        <div style={{ marginTop: 6, padding: '6px 10px', background: '#fafafa', borderInlineStart: '3px solid #95de64' }}>
          <Typography.Text type="secondary">承办单位办理情况（{day(item.reportedAt)}）：</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{item.report}</div>
        </div>
      ) : null}
    </List.Item>
  );
}
