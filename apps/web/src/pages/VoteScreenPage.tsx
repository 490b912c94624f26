import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { streamEvents } from '../api/client';
import type { LiveCount, VoteSession } from '../api/types';
import { VoteResultsChart } from '../components/VoteResults';
import { useApi } from '../useApi';

/** The hall's big screen: while open, ballots returned; once closed, each item's result in large type. */
export function VoteScreenPage() {
  const { id } = useParams();
  const { data, error, reload } = useApi<VoteSession>(`/vote-sessions/${id}`);
  const [count, setCount] = useState<LiveCount | null>(null);
  const open = data?.state === 'open';
  useEffect(() => (open ? streamEvents<LiveCount>(`/vote-sessions/${id}/live`, (next) => {
    setCount(next);
    if (next.state !== 'open') void reload();
  }, () => undefined) : undefined), [open, id, reload]);

  return (
    <main className="big-screen">
      {error ? <p role="alert">{error}</p> : null}
      {data ? (
        <>
          <h1>{data.title}</h1>
          <p className="big-sub">{data.meetingName}</p>
          {open ? (
            <div className="big-count" aria-live="polite">
              <div>投票进行中</div>
              <div className="big-number">{count ? `${count.votersReturned} / ${count.votersEntitled}` : '…'}</div>
              <div>已投票人数 / 应投票人数</div>
            </div>
          ) : data.items?.[0]?.ballotsReturned !== undefined ? (
            <>
              <VoteResultsChart items={data.items} big />
              <ul className="big-results">
                {data.items.map((item) => (
                  <li key={item.id}>
                    <span>{item.position}. {item.title}</span>
                    <strong className={item.passed ? 'pass' : 'fail'}>{item.passed ? '通过' : '未通过'}（满意 {item.satisfied?.percent}，基本满意 {item.basicallySatisfied?.percent}，不满意 {item.unsatisfied?.percent}）</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : <div className="big-count">等待开始投票</div>}
        </>
      ) : null}
    </main>
  );
}
