import { Alert, Button, Card, Descriptions, Progress, Space, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AuthUser, Named } from '../api/types';
import { WorkflowEventBar, WorkflowEventButton, type EventField, type EventSpec } from '../components/WorkflowEventButton';
import { REVIEW_ITEM_STATUS, REVIEW_LIST_STATE_LABELS } from '../oversight-labels';
import { useApi } from '../useApi';

interface ReviewListRow {
  id: string;
  title: string;
  meetingName: string;
  state: string;
  reportDueAt: string | null;
  itemCount: number;
  closedCount: number;
  overdueCount: number;
}

interface ReviewItem {
  id: string;
  position: number;
  content: string;
  unitId: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  reportCount: number;
  sentBackCount: number;
  lastReport: string | null;
  lastReportedAt: string | null;
  lastSendBackReason: string | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
}

interface ReviewListDetail {
  id: string;
  title: string;
  sourceReport: string;
  meetingName: string;
  reportingUnitId: string;
  state: string;
  assignedAt: string | null;
  reportDueAt: string | null;
  reportText: string | null;
  reportSubmittedAt: string | null;
  reportOverdue: boolean;
  items: ReviewItem[];
  allowedEvents: string[];
}

const when = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');
const stateTag = (state: string) => <Tag color={state === 'handling' ? 'processing' : state === 'done' ? 'green' : 'default'}>{REVIEW_LIST_STATE_LABELS[state] ?? state}</Tag>;

/** The review-opinion lists the caller may see (all for the office, a unit's own), with their state and closing progress. */
export function ReviewOpinionListsPage({ user }: { user: AuthUser }) {
  const { data, error, loading } = useApi<ReviewListRow[]>('/review-opinion-lists');
  const navigate = useNavigate();
  return (
    <Card title={<Typography.Title level={2} className="page-title">审议意见清单</Typography.Title>}
      extra={createsReviewLists(user) ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/review-opinion-lists/new')}>新建清单</Button> : null}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<ReviewListRow> rowKey="id" loading={loading} dataSource={data ?? []} pagination={false} scroll={{ x: 720 }}
        locale={{ emptyText: '暂无审议意见清单' }}
        columns={[
          { title: '清单', dataIndex: 'title', render: (title: string, row) => <Link to={`/review-opinion-lists/${row.id}`}>{title}</Link> },
          { title: '会议', dataIndex: 'meetingName' },
          { title: '状态', dataIndex: 'state', width: 120, render: stateTag },
          {
            title: '销号进度', key: 'progress', width: 200,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <span>已销号 {row.closedCount} / {row.itemCount} 条{row.overdueCount ? <Tag color="red" style={{ marginInlineStart: 6 }}>超期 {row.overdueCount}</Tag> : null}</span>
                <Progress percent={row.itemCount ? Math.round((row.closedCount / row.itemCount) * 100) : 0} size="small" showInfo={false} />
              </Space>
            ),
          },
          { title: '报告期限', dataIndex: 'reportDueAt', width: 150, render: when },
        ]} />
    </Card>
  );
}

const REASON: EventField = { name: 'reason', label: '理由', kind: 'textarea', required: true };
/** The list-wide events and their forms; item events are offered on their row. */
const LIST_EVENTS: Record<string, EventSpec> = {
  ASSIGN: { fields: [{ name: 'itemDueAt', label: '统一办理期限（不填则按规定期限）', kind: 'datetime' }], primary: true },
  SUBMIT_REPORT: { fields: [{ name: 'text', label: '书面报告', kind: 'textarea', required: true }], primary: true },
  CONCLUDE: { fields: [REASON] },
  CANCEL: { fields: [REASON], danger: true },
};

/** One list: its items with unit, deadline, status and reports, and the actions the caller may take now. */
export function ReviewOpinionListDetailPage({ user }: { user: AuthUser }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<ReviewListDetail>(`/review-opinion-lists/${id}`);
  const units = useApi<Named[]>('/units');
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return loading ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null;
  const unitName = (unitId: string) => units.data?.find((unit) => unit.id === unitId)?.name ?? '—';
  const eventsPath = `/review-opinion-lists/${data.id}/events`;
  const allowed = (type: string) => data.allowedEvents.includes(type);
  const closed = data.items.filter((item) => item.status === 'CLOSED').length;
  // The written report is due once every item is closed; before that the API would refuse it.
  const listAllowed = data.allowedEvents.filter((type) => type !== 'SUBMIT_REPORT' || closed === data.items.length);

  const itemActions = (item: ReviewItem) => {
    const mine = user.unitId === item.unitId;
    const reportable = mine && allowed('REPORT_ITEM') && (item.status === 'ASSIGNED' || item.status === 'SENT_BACK');
    const reviewable = item.status === 'REPORTED';
    return (
      <Space wrap size={4}>
        {reportable ? (
          <WorkflowEventButton eventsPath={eventsPath} type="REPORT_ITEM" payload={{ itemId: item.id }} primary size="small" onDone={reload}
            fields={[{ name: 'text', label: '办理情况', kind: 'textarea', required: true }]} />
        ) : null}
        {reviewable && allowed('CLOSE_ITEM') ? (
          <WorkflowEventButton eventsPath={eventsPath} type="CLOSE_ITEM" payload={{ itemId: item.id }} primary size="small" onDone={reload}
            label="销号" fields={[{ name: 'note', label: '备注', kind: 'textarea' }]} />
        ) : null}
        {reviewable && allowed('SEND_BACK_ITEM') ? (
          <WorkflowEventButton eventsPath={eventsPath} type="SEND_BACK_ITEM" payload={{ itemId: item.id }} danger size="small" onDone={reload}
            fields={[{ ...REASON, label: '退回理由' }]} />
        ) : null}
      </Space>
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/review-opinion-lists">← 返回清单列表</Link>
      <Card title={<Typography.Title level={2} className="page-title">{data.title}</Typography.Title>} extra={stateTag(data.state)}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
          { key: 'source', label: '审议的报告', children: data.sourceReport },
          { key: 'meeting', label: '会议', children: data.meetingName },
          { key: 'reporting', label: '书面报告单位', children: unitName(data.reportingUnitId) },
          { key: 'assigned', label: '交办时间', children: when(data.assignedAt) },
          { key: 'due', label: '报告期限', children: <>{when(data.reportDueAt)}{data.reportOverdue ? <Tag color="red" style={{ marginInlineStart: 6 }}>已超期</Tag> : null}</> },
          { key: 'progress', label: '销号进度', children: `已销号 ${closed} / ${data.items.length} 条` },
        ]} />
        {data.reportText ? (
          <Card type="inner" size="small" title={`书面报告（${when(data.reportSubmittedAt)} 提交）`} style={{ marginTop: 12 }}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{data.reportText}</div>
          </Card>
        ) : null}
        <div style={{ marginTop: 12 }}>
          <WorkflowEventBar eventsPath={eventsPath} specs={LIST_EVENTS} allowed={listAllowed} onDone={reload} />
        </div>
      </Card>
      <Card title="审议意见">
        <Table<ReviewItem> rowKey="id" dataSource={data.items} pagination={false} scroll={{ x: 900 }}
          columns={[
            { title: '序号', dataIndex: 'position', width: 60 },
            { title: '审议意见', dataIndex: 'content' },
            { title: '承办单位', dataIndex: 'unitId', width: 130, render: unitName },
            {
              title: '办理期限', dataIndex: 'dueAt', width: 150,
              render: (dueAt: string | null, item) => <>{when(dueAt)}{item.overdue ? <Tag color="red" style={{ marginInlineStart: 4 }}>超期</Tag> : null}</>,
            },
            {
              title: '状态', dataIndex: 'status', width: 130,
              render: (status: string, item) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={REVIEW_ITEM_STATUS[status]?.color}>{REVIEW_ITEM_STATUS[status]?.label ?? status}</Tag>
                  {item.sentBackCount ? <span className="muted">退回 {item.sentBackCount} 次</span> : null}
                </Space>
              ),
            },
            {
              title: '办理情况', key: 'report', width: 260,
              render: (_: unknown, item) => (
                <Space orientation="vertical" size={2}>
                  {item.lastReport ? <span style={{ whiteSpace: 'pre-wrap' }}>{item.lastReport}</span> : <span className="muted">尚未报送</span>}
                  {item.lastReportedAt ? <span className="muted">报送于 {when(item.lastReportedAt)}（第 {item.reportCount} 次）</span> : null}
                  {item.status === 'SENT_BACK' && item.lastSendBackReason ? <Alert type="warning" showIcon title={`退回理由：${item.lastSendBackReason}`} /> : null}
                  {item.closedAt ? <span className="muted">销号于 {when(item.closedAt)}{item.closedOnTime === false ? '（超期）' : ''}</span> : null}
                </Space>
              ),
            },
            { title: '操作', key: 'actions', width: 170, render: (_: unknown, item) => itemActions(item) },
          ]} />
      </Card>
    </Space>
  );
}

/** Only the office turns adopted opinions into a list (ReviewOpinionService.create). */
export function createsReviewLists(user: AuthUser): boolean {
  return user.roles.includes('OFFICE');
}

const REVIEW_READERS = ['OFFICE', 'GOV_OFFICE', 'GOV_LEADER', 'SC_LEADER', 'COUNCIL_MEMBER', 'SC_MEMBER', 'ADMIN'];

/** Who has the 审议意见清单 screen: the office and the standing committee read every list, a unit its own. */
export function seesReviewLists(user: AuthUser): boolean {
  return Boolean(user.unitId) || user.roles.some((role) => REVIEW_READERS.includes(role));
}
