import { Button, Card, DatePicker, Empty, Form, Input, Progress, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuthUser } from '../api/types';
import type { LivelihoodMilestone, LivelihoodProject, LivelihoodVote } from '../api/issue9-types';
import { beforeToday, LOCAL_DAY_FORMAT, WorkflowEventButton } from './WorkflowEventButton';

const day = (value: string) => dayjs(value).format('YYYY-MM-DD');
const when = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');
/** The DTO's bound (SetMilestonesDto): at most 24 milestones a project. */
const MAX_MILESTONES = 24;

/** Where a milestone stands: done on time or late, overdue, or still running. */
export function milestoneState(milestone: LivelihoodMilestone, now = dayjs()): { label: string; color: string } {
  if (milestone.doneAt) {
    const late = milestone.overdue || dayjs(milestone.doneAt).isAfter(milestone.dueAt);
    return late ? { label: '逾期完成', color: 'orange' } : { label: '按期完成', color: 'green' };
  }
  // The worker marks a milestone overdue when its deadline fires; until then the due date alone tells.
  if (milestone.overdue || now.isAfter(milestone.dueAt)) return { label: '已逾期', color: 'red' };
  return { label: '未到期', color: 'processing' };
}

/** The government office reports on every chosen project, a unit on its own (livelihood-vote-permissions.ts). */
function reportsOn(user: AuthUser, unitId: string | null): boolean {
  return user.roles.includes('GOV_OFFICE') || (Boolean(user.unitId) && user.unitId === unitId);
}

interface MilestoneDraft {
  title: string;
  dueDate: Dayjs;
}

function MilestoneInputs() {
  return (
    <Form.List name="milestones" rules={[{ validator: async (_, rows?: unknown[]) => { if (!rows?.length) throw new Error('至少设定一个节点'); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <div key={field.key} className="milestone-row">
              <Form.Item name={[field.name, 'title']} label={`节点 ${index + 1}`} rules={[{ required: true, whitespace: true, message: '请填写节点名称' }, { max: 200, message: '不能超过 200 个字' }]}>
                <Input placeholder="如：完成招标" />
              </Form.Item>
              <Form.Item name={[field.name, 'dueDate']} label={`节点 ${index + 1} 期限`} rules={[{ required: true, message: '请选择期限' }]}>
                <DatePicker style={{ width: '100%' }} placeholder="选择日期" disabledDate={beforeToday} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除节点 ${index + 1}`} disabled={fields.length === 1} onClick={() => remove(field.name)} className="milestone-remove" />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= MAX_MILESTONES} onClick={() => add({})}>添加节点</Button>
        </>
      )}
    </Form.List>
  );
}

const milestonePayload = (values: Record<string, unknown>) => ({
  milestones: (values.milestones as MilestoneDraft[]).map((m) => ({ title: m.title.trim(), dueDate: m.dueDate.format(LOCAL_DAY_FORMAT) })),
});

function ProjectActions({ project, allowed, eventsPath, onDone }: { project: LivelihoodProject; allowed: (type: string) => boolean; eventsPath: string; onDone: () => void }) {
  const open = project.milestones.filter((m) => !m.doneAt);
  const settable = allowed('SET_MILESTONES') && project.milestones.length === 0;
  const reportable = allowed('REPORT_PROGRESS');
  if (!settable && !reportable) return null;
  return (
    <Space wrap>
      {settable ? (
        <WorkflowEventButton eventsPath={eventsPath} type="SET_MILESTONES" payload={{ projectId: project.projectId }} primary onDone={onDone}
          initialValues={{ milestones: [{}] }} toPayload={milestonePayload}>
          <MilestoneInputs />
        </WorkflowEventButton>
      ) : null}
      {reportable ? (
        <WorkflowEventButton eventsPath={eventsPath} type="REPORT_PROGRESS" payload={{ projectId: project.projectId }} primary={!settable} onDone={onDone}
          initialValues={{ percent: project.progress }}
          fields={[
            { name: 'percent', label: '完成进度', kind: 'percent', required: true, min: project.progress, extra: `上次报送 ${project.progress}%，进度不能回退` },
            ...(open.length ? [{ name: 'milestoneIds', label: '本次完成的节点', kind: 'checkboxes' as const, options: open.map((m) => ({ value: m.id, label: `${m.title}（${day(m.dueAt)}）` })) }] : []),
            { name: 'text', label: '进展情况', kind: 'textarea', required: true },
          ]} />
      ) : null}
    </Space>
  );
}

function ProjectCard({ project, user, unitId, allowedEvents, eventsPath, onDone }: {
  project: LivelihoodProject; user: AuthUser; unitId: string | null; allowedEvents: string[]; eventsPath: string; onDone: () => void;
}) {
  const mine = reportsOn(user, unitId);
  const allowed = (type: string) => mine && allowedEvents.includes(type);
  const titleOf = (id: string) => project.milestones.find((m) => m.id === id)?.title ?? '';
  return (
    <Card type="inner" size="small" className="livelihood-project" data-testid={`project-${project.projectId}`}
      title={<Space wrap size={8}><span>{project.title}</span>{project.completed ? <Tag color="green">已完成</Tag> : null}
        {project.score ? <Tag color={project.score.passed ? 'green' : 'red'}>{project.score.passed ? '测评满意' : '测评不满意'}</Tag> : null}</Space>}
      extra={<span className="muted">实施单位：{project.unit ?? '—'}</span>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div className="livelihood-progress">
          <span>完成进度</span>
          <Progress percent={project.progress} status={project.completed ? 'success' : 'active'} aria-label={`${project.title} 完成进度`} />
        </div>
        <Table<LivelihoodMilestone> rowKey="id" size="small" dataSource={project.milestones} pagination={false} scroll={{ x: 560 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未设定节点" /> }}
          columns={[
            { title: '节点', dataIndex: 'title' },
            { title: '期限', dataIndex: 'dueAt', width: 120, render: day },
            { title: '状态', key: 'state', width: 100, render: (_: unknown, m) => { const s = milestoneState(m); return <Tag color={s.color}>{s.label}</Tag>; } },
            { title: '完成时间', dataIndex: 'doneAt', width: 150, render: (doneAt: string | null) => (doneAt ? when(doneAt) : '—') },
          ]} />
        <div>
          <Typography.Text strong>进展报告（{project.reports.length} 次）</Typography.Text>
          {project.reports.length ? (
            <ol className="progress-reports">
              {[...project.reports].reverse().map((report) => (
                <li key={`${report.reportedAt}-${report.percent}`}>
                  <span className="muted">{when(report.reportedAt)} · 进度 {report.percent}%{report.milestoneIds.length ? ` · 完成节点：${report.milestoneIds.map(titleOf).join('、')}` : ''}</span>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{report.text}</div>
                </li>
              ))}
            </ol>
          ) : <div className="muted">尚未报送进展</div>}
        </div>
        <ProjectActions project={project} allowed={allowed} eventsPath={eventsPath} onDone={onDone} />
      </Space>
    </Card>
  );
}

/** Each chosen project through the year: milestones with their state, progress reports, and the forms its reporter may use now. */
export function LivelihoodProjects({ vote, user, onDone }: { vote: LivelihoodVote; user: AuthUser; onDone: () => void }) {
  const eventsPath = `/livelihood-votes/${vote.id}/events`;
  const nextCommitteeReport = vote.openDeadlines.find((d) => d.kind === 'PROGRESS_REPORT');
  return (
    <Card title="项目实施情况">
      <p className="muted card-lead">
        向常委会报告进展 {vote.committeeReports} 次{nextCommitteeReport ? `，下次报告期限 ${day(nextCommitteeReport.dueAt)}` : ''}
        {vote.progressOverdue ? <Tag color="red" style={{ marginInlineStart: 6 }}>逾期未报告 {vote.progressOverdue} 次</Tag> : null}
      </p>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {vote.projects.map((project) => (
          <ProjectCard key={project.projectId} project={project} user={user} allowedEvents={vote.allowedEvents} eventsPath={eventsPath} onDone={onDone}
            unitId={vote.candidates.find((c) => c.id === project.projectId)?.unitId ?? null} />
        ))}
      </Space>
    </Card>
  );
}
