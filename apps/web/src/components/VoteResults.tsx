import ReactECharts from 'echarts-for-react';
import type { VoteItem } from '../api/types';

/** Per-item result bars (satisfied, basically satisfied, unsatisfied), sized for a hall screen or a page. */
export function VoteResultsChart({ items, big = false }: { items: VoteItem[]; big?: boolean }) {
  const names = items.map((i) => `${i.position}. ${i.title.length > 16 ? `${i.title.slice(0, 16)}…` : i.title}`);
  const font = big ? 22 : 12;
  const series = [
    { name: '满意', color: '#237804', pick: (i: VoteItem) => i.satisfied?.count ?? 0 },
    { name: '基本满意', color: '#1d39c4', pick: (i: VoteItem) => i.basicallySatisfied?.count ?? 0 },
    { name: '不满意', color: '#a8071a', pick: (i: VoteItem) => i.unsatisfied?.count ?? 0 },
  ];
  return (
    <ReactECharts style={{ height: Math.max(big ? 420 : 240, items.length * (big ? 90 : 48) + 80) }} option={{
      animation: !big,
      textStyle: { fontSize: font },
      legend: { top: 0, textStyle: { fontSize: font, color: big ? '#fff' : '#262626' } },
      grid: { left: 8, right: 24, top: big ? 56 : 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: font, color: big ? '#fff' : '#595959' } },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize: font, color: big ? '#fff' : '#262626' } },
      series: series.map((s) => ({
        type: 'bar', stack: 'votes', name: s.name, itemStyle: { color: s.color }, data: items.map(s.pick),
        label: { show: true, color: '#fff', fontSize: font, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      })),
    }} />
  );
}
