import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, List, Progress, Result, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type {
  LivelihoodResult, LivelihoodRound, LivelihoodVoteSummary, PublicCandidate, PublicLivelihoodProgress, PublicLivelihoodProject,
} from '../api/issue9-types';
import { ScoreTable } from '../components/ScoreTable';
import { LIVELIHOOD_STATE_LABELS, OUTCOME, SOURCE_LABELS, livelihoodVoteTitle, oversightErrorText } from '../oversight-labels';
import { useApi } from '../useApi';

const day = (iso: string | null) => (iso ? dayjs(iso).format('YYYY年M月D日') : '—');
/** States in which deputies have voted at least once, so a result may exist. */
const VOTED_STATES = ['voting', 'runoff', 'tracking', 'done'];

/** 民生实事 on the public site: the year's candidates, the deputies' vote, the chosen projects' progress, and a form to propose one. */
export function PublicLivelihoodPage({ base }: { base: string }) {
  const votes = useApi<LivelihoodVoteSummary[]>(`${base}/livelihood-projects`);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const vote = votes.data?.find((v) => v.id === chosenId) ?? votes.data?.[0];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        政府民生实事项目由人民代表大会会议上代表差额票决产生：每位代表最多赞成与应选名额相同数量的候选项目，得票超过全体代表半数的，按得票多少当选。
      </Typography.Paragraph>
      {votes.error ? <Alert type="error" showIcon title={votes.error.startsWith('未找到') ? '没有这个人大的公开网站，请检查网址' : votes.error} /> : null}
      {votes.loading && !votes.data ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null}
      {votes.data && votes.data.length === 0 ? <Card><Empty description="暂无已确定候选项目的民生实事票决" /></Card> : null}
      {vote ? (
        <>
          <Space wrap>
            <Select aria-label="年度" style={{ width: 320 }} value={vote.id} onChange={setChosenId}
              options={(votes.data ?? []).map((v) => ({ value: v.id, label: livelihoodVoteTitle(v) }))} />
            <Tag color="blue">{LIVELIHOOD_STATE_LABELS[vote.state] ?? vote.state}</Tag>
            <span className="muted">{vote.sessionName} · 应选 {vote.places} 项</span>
          </Space>
          <VoteSections key={vote.id} base={base} vote={vote} />
        </>
      ) : null}
      <ProposalForm base={base} />
    </Space>
  );
}

function VoteSections({ base, vote }: { base: string; vote: LivelihoodVoteSummary }) {
  const candidates = useApi<{ candidates: PublicCandidate[] }>(`${base}/livelihood-projects/${vote.id}/candidates`);
  const result = useApi<LivelihoodResult & { votingOpen: boolean }>(VOTED_STATES.includes(vote.state) ? `${base}/livelihood-projects/${vote.id}/result` : null);
  const progress = useApi<PublicLivelihoodProgress>(['tracking', 'done'].includes(vote.state) ? `${base}/livelihood-projects/${vote.id}/progress` : null);
  const error = candidates.error ?? result.error ?? progress.error;
  return (
    <>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card title={`候选项目（${candidates.data?.candidates.length ?? 0} 项）`} size="small" loading={candidates.loading && !candidates.data}>
        <List dataSource={candidates.data?.candidates ?? []} rowKey="id" renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<span style={{ whiteSpace: 'normal' }}>{c.position}. {c.title}</span>}
              description={<>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>
                <Space wrap size={4} style={{ marginTop: 4 }}>
                  <Tag color={c.source === 'PUBLIC' ? 'purple' : 'default'}>{SOURCE_LABELS[c.source] ?? c.source}</Tag>
                  {c.unit ? <span className="muted">责任单位：{c.unit}</span> : null}
                </Space>
              </>} />
          </List.Item>
        )} />
      </Card>
      {result.data ? <ResultCard result={result.data} /> : null}
      {progress.data ? <ProgressCard progress={progress.data} /> : null}
    </>
  );
}

/** The announced result: chosen projects, a tie awaiting its run-off, and approvals per candidate in every closed round. */
export function ResultCard({ result }: { result: LivelihoodResult & { votingOpen: boolean } }) {
  return (
    <Card title="票决结果" size="small">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {result.votingOpen ? <Alert type="info" showIcon title="代表正在投票，本轮结果在投票结束后公布。" /> : null}
        {result.chosen.length ? (
          <div>
            <Typography.Text strong>当选项目（{result.chosen.length} / {result.places} 项）：</Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 24 }}>{result.chosen.map((c) => <li key={c.candidateId}>{c.title}</li>)}</ol>
          </div>
        ) : null}
        {result.tie ? (
          <Alert type="warning" showIcon title={`${result.tie.titles.join('、')} 得票相同，将再次投票决定剩余 ${result.tie.places} 个名额`} />
        ) : null}
        {result.rounds.map((round) => <RoundTable key={round.round} round={round} />)}
      </Space>
    </Card>
  );
}

function RoundTable({ round }: { round: LivelihoodRound }) {
  const most = Math.max(1, ...round.counts.map((c) => c.approvals));
  return (
    <div>
      <Typography.Text strong>{round.round === 1 ? '第一轮投票' : `第 ${round.round} 轮（再次投票）`}</Typography.Text>
      <div className="muted">
        应选 {round.places} 项 · 全体代表 {round.electorate} 名，发出选票 {round.ballotsIssued} 张，收回 {round.ballotsReturned} 张 · 当选须得赞成票至少 {round.minimumApprovals} 票（超过全体代表半数）
      </div>
      <Table size="small" rowKey="candidateId" pagination={false} dataSource={round.counts} scroll={{ x: 520 }} columns={[
        { title: '候选项目', dataIndex: 'title' },
        {
          title: '赞成票', dataIndex: 'approvals', width: 200,
          render: (approvals: number) => <Space size={6} style={{ width: '100%' }}><strong style={{ minWidth: 28, display: 'inline-block' }}>{approvals}</strong>
            <Progress percent={(approvals / most) * 100} showInfo={false} size="small" style={{ width: 120, margin: 0 }} /></Space>,
        },
        { title: '结果', dataIndex: 'outcome', width: 170, render: (o: string) => <Tag color={OUTCOME[o]?.color}>{OUTCOME[o]?.label ?? o}</Tag> },
      ]} />
    </div>
  );
}

function ProgressCard({ progress }: { progress: PublicLivelihoodProgress }) {
  return (
    <Card title="当选项目实施进展" size="small">
      {progress.committeeReports.length ? (
        <Typography.Paragraph className="muted">
          政府已向常委会报告实施情况 {progress.committeeReports.length} 次：{progress.committeeReports.map((r) => `${day(r.reportedAt)}${r.onTime ? '' : '（逾期）'}`).join('，')}
        </Typography.Paragraph>
      ) : null}
      <List dataSource={progress.projects} rowKey="projectId" renderItem={(project) => <ProjectRow project={project} />} />
    </Card>
  );
}

function ProjectRow({ project }: { project: PublicLivelihoodProject }) {
  return (
    <List.Item style={{ display: 'block' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{project.title}</Typography.Text>
        {project.completed ? <Tag color="green">已完成</Tag> : null}
        {project.unit ? <span className="muted">责任单位：{project.unit}</span> : null}
      </Space>
      <Progress percent={project.progress} aria-label={`${project.title} 进度`} />
      {project.milestones.length ? (
        <Space wrap size={4}>
          {project.milestones.map((m) => (
            <Tag key={m.id} color={m.doneAt ? 'green' : m.overdue ? 'red' : 'default'}>
              {m.title}：{m.doneAt ? `${day(m.doneAt)}完成` : `${day(m.dueAt)}前${m.overdue ? '（已逾期）' : ''}`}
            </Tag>
          ))}
        </Space>
      ) : null}
      {project.reports.length ? (
        <Timeline style={{ marginTop: 12 }} items={[...project.reports].reverse().map((r) => ({
          content: <><span className="muted">{day(r.reportedAt)} · 进度 {r.percent}%</span><div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div></>,
        }))} />
      ) : <div className="muted">尚无进展报告</div>}
      {project.satisfaction ? <ScoreTable scores={[project.satisfaction]} /> : null}
    </List.Item>
  );
}

interface ProposalValues {
  title: string;
  description: string;
  location?: string;
  proposerName?: string;
  contact?: string;
}

/** 征集: anyone may propose a project; name and contact are optional and never published. */
function ProposalForm({ base }: { base: string }) {
  const [form] = Form.useForm<ProposalValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<{ submittedAt: string } | null>(null);

  const submit = async (values: ProposalValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
      setSent(await api<{ submittedAt: string }>(`${base}/livelihood-proposals`, { method: 'POST', body }));
      form.resetFields();
    } catch (error) {
      setProblem(oversightErrorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="我要提民生实事项目建议" size="small" id="propose">
      {sent ? (
        <Result status="success" title="已收到您的建议" subTitle={`提交时间 ${dayjs(sent.submittedAt).format('YYYY年M月D日 HH:mm')}。政府办公室将研究是否列入候选项目。`}
          extra={<Button onClick={() => setSent(null)}>再提一条</Button>} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" style={{ maxWidth: 640 }}>
          <Typography.Paragraph type="secondary">您的姓名和联系方式只供政府办公室联系您，不会公开。</Typography.Paragraph>
          <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: 100, message: '项目名称不能超过 100 个字' }]}>
            <Input placeholder="如：在城北新建一座社区公园" maxLength={100} showCount />
          </Form.Item>
          <Form.Item name="description" label="项目内容" rules={[{ required: true, whitespace: true, message: '请说明需要做什么、在哪里、为什么' }, { max: 2000, message: '项目内容不能超过 2000 个字' }]}>
            <Input.TextArea rows={4} placeholder="需要做什么、在哪里、为什么" maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="location" label="地点"><Input maxLength={200} /></Form.Item>
          <Space wrap size={12} style={{ width: '100%' }}>
            <Form.Item name="proposerName" label="姓名"><Input maxLength={50} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="contact" label="联系方式（电话或邮箱）"><Input maxLength={100} style={{ width: 260 }} /></Form.Item>
          </Space>
          {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" /> : null}
          <Button type="primary" htmlType="submit" loading={busy}>提交建议</Button>
        </Form>
      )}
    </Card>
  );
}
