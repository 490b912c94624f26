import { Alert, Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { LivelihoodVote, LivelihoodVoteSummary } from '../api/issue9-types';
import type { AuthUser } from '../api/types';
import { LivelihoodProjects } from '../components/LivelihoodProjects';
import { WorkflowEventBar, WorkflowEventButton, type EventField, type EventSpec } from '../components/WorkflowEventButton';
import { LIVELIHOOD_STATE_LABELS, OUTCOME, SOURCE_LABELS, livelihoodVoteTitle } from '../oversight-labels';
import { useApi } from '../useApi';
import { ResultCard } from './PublicLivelihoodPage';

const stateTag = (state: string) => <Tag color={state === 'voting' || state === 'runoff' ? 'red' : 'default'}>{LIVELIHOOD_STATE_LABELS[state] ?? state}</Tag>;

/**
 * Who has the livelihood screens: the office runs the vote, the government office collects candidates and reports,
 * a unit reports on the projects it carries out.
 */
export function managesLivelihoodProjects(user: AuthUser): boolean {
  return Boolean(user.unitId) || user.roles.some((role) => role === 'OFFICE' || role === 'GOV_OFFICE');
}

/** The staff's view of the year's livelihood-project votes, with their state. */
export function LivelihoodAdminPage() {
  const { data, error, loading } = useApi<LivelihoodVoteSummary[]>('/livelihood-votes');
  return (
    <Card title={<Typography.Title level={2} className="page-title">民生实事票决管理</Typography.Title>}>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<LivelihoodVoteSummary> rowKey="id" loading={loading} dataSource={data ?? []} pagination={false} scroll={{ x: 640 }}
        locale={{ emptyText: '暂无民生实事项目票决' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '票决', dataIndex: 'title', render: (title: string, row) => <Link to={`/livelihood-admin/${row.id}`}>{title}</Link> },
          { title: '会议', dataIndex: 'sessionName' },
          { title: '应选', dataIndex: 'places', width: 70, render: (places: number) => `${places} 项` },
          { title: '状态', dataIndex: 'state', width: 150, render: stateTag },
        ]} />
    </Card>
  );
}

const REASON: EventField = { name: 'reason', label: '理由', kind: 'textarea', required: true };
/** The vote-wide events the office and the government send from this screen, with their forms. */
const VOTE_EVENTS: Record<string, EventSpec> = {
  SUBMIT_LIST: { primary: true },
  APPROVE_LIST: { primary: true },
  RETURN_LIST: { fields: [REASON] },
  OPEN: { primary: true },
  CLOSE: { primary: true },
  OPEN_RUNOFF: { primary: true },
  REPORT_TO_COMMITTEE: { fields: [{ name: 'text', label: '报告内容', kind: 'textarea', required: true }] },
  CONCLUDE: { fields: [REASON] },
  CANCEL: { fields: [REASON], danger: true },
};

/**
 * One vote for the staff: candidates, the open round's turnout, results, the chosen projects' milestones and progress,
 * and a button per event the caller may send now.
 */
export function LivelihoodAdminVotePage({ user }: { user: AuthUser }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<LivelihoodVote>(`/livelihood-votes/${id}`);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return loading ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null;
  const eventsPath = `/livelihood-votes/${data.id}/events`;
  const withdrawable = data.allowedEvents.includes('WITHDRAW_CANDIDATE');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/livelihood-admin">← 返回列表</Link>
      <Card title={<Typography.Title level={2} className="page-title">{livelihoodVoteTitle(data)}</Typography.Title>} extra={stateTag(data.state)}>
        <p className="muted card-lead">{data.sessionName} · 应选 {data.places} 项{data.electorate ? ` · 有表决权代表 ${data.electorate} 名` : ''}</p>
        {data.ballot ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }}
            title={`第 ${data.ballot.round} 轮投票进行中：已收回 ${data.ballot.returned} / ${data.ballot.entitled} 张选票（计票结果在结束投票后公布）`} />
        ) : null}
        <WorkflowEventBar eventsPath={eventsPath} specs={VOTE_EVENTS} allowed={data.allowedEvents} onDone={reload}
          empty={<span className="muted">当前没有您可以执行的操作</span>} />
      </Card>
      <Card title="候选项目">
        <Table rowKey="id" dataSource={data.candidates} pagination={false} scroll={{ x: 720 }}
          columns={[
            { title: '序号', dataIndex: 'position', width: 60 },
            { title: '项目', dataIndex: 'title', render: (title: string, candidate) => <>{title}{candidate.withdrawn ? <Tag style={{ marginInlineStart: 6 }}>已撤回</Tag> : null}</> },
            { title: '实施单位', dataIndex: 'unit', width: 130, render: (unit: string | null) => unit ?? '—' },
            { title: '来源', dataIndex: 'source', width: 100, render: (source: string) => SOURCE_LABELS[source] ?? source },
            { title: '结果', dataIndex: 'outcome', width: 150, render: (outcome: string | null) => (outcome ? <Tag color={OUTCOME[outcome]?.color}>{OUTCOME[outcome]?.label ?? outcome}</Tag> : '—') },
            {
              title: '操作', key: 'actions', width: 110,
              render: (_: unknown, candidate) => (withdrawable && !candidate.withdrawn ? (
                <WorkflowEventButton eventsPath={eventsPath} type="WITHDRAW_CANDIDATE" payload={{ candidateId: candidate.id }} size="small" danger
                  label="撤回" fields={[REASON]} onDone={reload} />
              ) : null),
            },
          ]} />
      </Card>
      {data.projects.length ? <LivelihoodProjects vote={data} user={user} onDone={reload} /> : null}
      {data.result.rounds.length ? <ResultCard result={{ ...data.result, votingOpen: Boolean(data.ballot) }} /> : null}
    </Space>
  );
}
