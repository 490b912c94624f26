import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, List, Result, Space, Spin, Tag, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { LivelihoodVote, LivelihoodVoteSummary } from '../api/issue9-types';
import { LIVELIHOOD_STATE_LABELS, livelihoodVoteTitle, oversightErrorText } from '../oversight-labels';
import { useApi } from '../useApi';
import { ResultCard } from './PublicLivelihoodPage';

/** The year's livelihood-project votes; an open one leads to the deputy's ballot. */
export function LivelihoodVotesPage() {
  const { data, error, loading } = useApi<LivelihoodVoteSummary[]>('/livelihood-votes');
  return (
    <Card title="民生实事项目票决">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <List loading={loading} dataSource={data ?? []} rowKey="id" locale={{ emptyText: '暂无民生实事项目票决' }} renderItem={(vote) => (
        <List.Item actions={[<Link key="open" to={`/livelihood-votes/${vote.id}`}>{vote.state === 'voting' ? '去投票' : '查看'}</Link>]}>
          <List.Item.Meta title={<Link to={`/livelihood-votes/${vote.id}`}>{livelihoodVoteTitle(vote)}</Link>}
            description={<Space wrap size={4}><Tag color={vote.state === 'voting' ? 'red' : 'default'}>{LIVELIHOOD_STATE_LABELS[vote.state] ?? vote.state}</Tag><span>{vote.sessionName} · 应选 {vote.places} 项</span></Space>} />
        </List.Item>
      )} />
    </Card>
  );
}

/** One vote: the secret approval ballot while a round is open, else where the vote stands and its announced result. */
export function LivelihoodBallotPage() {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<LivelihoodVote>(`/livelihood-votes/${id}`);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return loading ? <Spin description="正在加载…"><div style={{ height: 120 }} /></Spin> : null;
  const { ballot } = data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/livelihood-votes">← 返回列表</Link>
      <div className="ballot">
        <Typography.Title level={2} className="page-title">{livelihoodVoteTitle(data)}</Typography.Title>
        <div className="muted" style={{ margin: '4px 0 12px' }}>{data.sessionName} · <Tag>{LIVELIHOOD_STATE_LABELS[data.state] ?? data.state}</Tag></div>
        {!ballot ? <Alert type="info" showIcon title="现在没有进行中的投票。" /> : null}
        {ballot && !ballot.entitledMe ? <Alert type="warning" showIcon title="您不在本轮有表决权的代表名单中。" /> : null}
        {ballot?.entitledMe && ballot.returnedMe ? (
          <Card><Result status="success" title="已投票" subTitle={`您在第 ${ballot.round} 轮的选票已收回。投票是无记名的，任何人都看不到您的选择。`} /></Card>
        ) : null}
        {ballot?.entitledMe && !ballot.returnedMe ? <ApprovalBallot vote={data} onVoted={reload} /> : null}
      </div>
      {data.result.rounds.length ? <ResultCard result={{ ...data.result, votingOpen: Boolean(ballot) }} /> : null}
    </Space>
  );
}

/** Sized for a phone: one large checkbox per candidate, at most K ticked, one confirmation before the secret ballot goes in. */
function ApprovalBallot({ vote, onVoted }: { vote: LivelihoodVote; onVoted: () => void }) {
  const { modal } = AntApp.useApp();
  const [approved, setApproved] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const ballot = vote.ballot!;
  const limit = ballot.places;
  const onBallot = ballot.candidateIds.map((cid) => vote.candidates.find((c) => c.id === cid)).filter((c) => c !== undefined);
  const titles = onBallot.filter((c) => approved.includes(c.id)).map((c) => c.title);

  const cast = async () => {
    setBusy(true);
    try {
      await api(`/livelihood-votes/${vote.id}/ballots`, { method: 'POST', body: { candidateIds: approved } });
      message.success('选票已提交');
      onVoted();
    } catch (failure) {
      message.error({ content: oversightErrorText(failure), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  const submit = () => modal.confirm({
    title: '提交选票？',
    content: titles.length
      ? <><p>您赞成以下 {titles.length} 项：</p><ol style={{ paddingInlineStart: 20 }}>{titles.map((t) => <li key={t}>{t}</li>)}</ol><p>提交后不能修改。</p></>
      : '您一项都没有选择，将作为空白票提交。提交后不能修改。',
    okText: '提交', cancelText: '再看看', onOk: cast,
  });

  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {ballot.round === 1 ? '选票（无记名）' : `第 ${ballot.round} 轮选票（再次投票，无记名）`}
      </Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`应选 ${limit} 项：赞成的项目请打勾，最多选 ${limit} 项，可以少选或不选。`} />
      <Checkbox.Group value={approved} onChange={(values) => setApproved(values as string[])} style={{ display: 'block' }} aria-label="候选项目">
        {onBallot.map((c) => {
          const full = approved.length >= limit && !approved.includes(c.id);
          return (
            <Card key={c.id} size="small" style={{ marginBottom: 8, borderColor: approved.includes(c.id) ? '#a31515' : undefined }}>
              <Checkbox value={c.id} disabled={full} style={{ fontSize: 16, alignItems: 'flex-start', width: '100%' }}>
                <span style={{ whiteSpace: 'normal' }}><strong>{c.title}</strong>{c.unit ? <div className="muted" style={{ fontSize: 13 }}>责任单位：{c.unit}</div> : null}</span>
              </Checkbox>
            </Card>
          );
        })}
      </Checkbox.Group>
      <div className="muted" aria-live="polite" style={{ margin: '8px 0' }}>已选 {approved.length} / 最多 {limit} 项{approved.length >= limit ? '，已选满' : ''}</div>
      <Button type="primary" size="large" block loading={busy} onClick={submit}>提交选票</Button>
    </>
  );
}
