import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Tooltip, Typography, message } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import ReactECharts from 'echarts-for-react';
import dayjs from 'dayjs';
import { download } from '../api/client';
import type { FigureRow } from '../api/types';
import { percent } from '../labels';
import { useApi } from '../useApi';

interface Figures {
  asOf: string;
  definitions: Record<string, { name: string; kind: string; definition: string }>;
  rows: FigureRow[];
}

const GROUPS = [
  { value: 'UNIT', label: '按承办单位' },
  { value: 'DELEGATION', label: '按代表团' },
  { value: 'SESSION', label: '按会议' },
];

const RATES = ['replyRate', 'onTimeRate', 'resolvedRate', 'satisfiedOrBasicallyRateFinal', 'contactRate'];
const chineseName = (name?: string) => (name ?? '').split(' ')[0];

/** The year's figures as charts and tables, each downloadable as a printable spreadsheet or CSV. */
export function FiguresPage() {
  const [groupBy, setGroupBy] = useState('UNIT');
  const [asOf, setAsOf] = useState<dayjs.Dayjs | null>(null);
  const asOfQuery = asOf ? `&asOf=${asOf.format('YYYY-MM-DD')}` : '';
  const overall = useApi<Figures>(`/reports/figures?groupBy=JURISDICTION${asOfQuery}`);
  const grouped = useApi<Figures>(`/reports/figures?groupBy=${groupBy}${asOfQuery}`);
  const scoreboard = useApi<Figures>(`/reports/unit-scoreboard?${asOfQuery.slice(1)}`);
  const total = overall.data?.rows[0]?.figures;
  const defs = overall.data?.definitions ?? {};

  const save = (path: string, name: string) => download(path, name).catch((failure: Error) => message.error(failure.message));
  const exports = (path: string, name: string) => (
    <Space>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save(`${path}${path.includes('?') ? '&' : '?'}format=xlsx`, `${name}.xlsx`)}>Excel</Button>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => save(`${path}${path.includes('?') ? '&' : '?'}format=csv`, `${name}.csv`)}>CSV</Button>
    </Space>
  );

  const rows = grouped.data?.rows ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={2} className="page-title">统计报表</Typography.Title>}
        extra={<Space wrap><label htmlFor="as-of">截至</label><DatePicker id="as-of" value={asOf} onChange={setAsOf} placeholder="今天" />{exports(`/reports/figures?groupBy=JURISDICTION${asOfQuery}`, '总体情况')}</Space>}>
        {overall.error ? <Alert type="error" showIcon title={overall.error} /> : null}
        <Row gutter={[16, 16]}>
          {['assigned', 'replied', 'overdueOpen', ...RATES].map((key) => (
            <Col key={key} xs={12} md={6} xl={3}>
              <Tooltip title={defs[key]?.definition}>
                <Statistic title={chineseName(defs[key]?.name) || key} loading={overall.loading && !total}
                  value={total ? (defs[key]?.kind === 'rate' ? percent(total[key]?.value) : total[key]?.value ?? '—') : '—'} />
              </Tooltip>
            </Col>
          ))}
        </Row>
      </Card>
      <Card title="分组情况" extra={<Space wrap><Segmented aria-label="分组方式" value={groupBy} options={GROUPS} onChange={(v) => setGroupBy(v as string)} />{exports(`/reports/figures?groupBy=${groupBy}${asOfQuery}`, '分组情况')}</Space>}>
        {grouped.error ? <Alert type="error" showIcon title={grouped.error} /> : null}
        {rows.length === 0 && !grouped.loading ? <Typography.Paragraph>暂无数据</Typography.Paragraph> : (
          <ReactECharts style={{ height: Math.max(260, rows.length * 34 + 90) }} showLoading={grouped.loading} option={{
            legend: { top: 0 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
            grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
            color: ['#b71c1c', '#1d39c4', '#237804', '#d46b08'],
            series: ['replyRate', 'resolvedRate', 'satisfiedOrBasicallyRateFinal', 'contactRate'].map((key) => ({
              type: 'bar', name: chineseName(grouped.data?.definitions[key]?.name), data: rows.map((r) => Math.round((r.figures[key]?.value ?? 0) * 1000) / 10),
            })),
          }} />
        )}
        <Table<FigureRow> size="small" rowKey="key" dataSource={rows} pagination={false} scroll={{ x: 760 }} columns={[
          { title: '名称', dataIndex: 'label', fixed: 'left', width: 150 },
          { title: '交办', render: (_: unknown, r) => r.figures.assigned?.value ?? '—' },
          { title: '已答复', render: (_: unknown, r) => r.figures.replied?.value ?? '—' },
          { title: '逾期未复', render: (_: unknown, r) => r.figures.overdueOpen?.value ?? '—' },
          ...RATES.map((key) => ({ title: chineseName(grouped.data?.definitions[key]?.name), render: (_: unknown, r: FigureRow) => percent(r.figures[key]?.value) })),
        ]} />
      </Card>
      <Card title="承办单位测评得分" extra={exports(`/reports/unit-scoreboard${asOfQuery ? `?${asOfQuery.slice(1)}` : ''}`, '承办单位得分')}>
        {scoreboard.error ? <Alert type="error" showIcon title={scoreboard.error} /> : null}
        <Table<FigureRow> size="small" rowKey="key" loading={scoreboard.loading} dataSource={scoreboard.data?.rows ?? []} pagination={false} scroll={{ x: 480 }} columns={[
          { title: '名次', dataIndex: 'rank', width: 64 },
          { title: '单位', dataIndex: 'label' },
          { title: '得分', dataIndex: 'score', width: 90 },
          { title: '办复率', render: (_: unknown, r) => percent(r.figures.replyRate?.value) },
          { title: '满意和基本满意率', render: (_: unknown, r) => percent(r.figures.satisfiedOrBasicallyRateFinal?.value) },
        ]} />
      </Card>
      <Card title="重点建议测评结果" extra={exports('/reports/key-suggestions', '重点建议')}>
        <KeyReport />
      </Card>
    </Space>
  );
}

function KeyReport() {
  const { data, error, loading } = useApi<{ rows: Array<{ id: string; number: number | null; title: string; units: string; hearings: number; result: string | null }> }>('/reports/key-suggestions');
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Table size="small" rowKey="id" loading={loading} dataSource={data?.rows ?? []} pagination={false} locale={{ emptyText: '暂无重点建议' }} scroll={{ x: 480 }} columns={[
      { title: '建议', dataIndex: 'title', render: (t: string, r) => `${r.number ? `第${r.number}号 ` : ''}${t}` },
      { title: '承办单位', dataIndex: 'units', width: 160 },
      { title: '听取汇报', dataIndex: 'hearings', width: 90 },
      { title: '测评结果', dataIndex: 'result', width: 100, render: (r: string | null) => (r === 'PASSED' ? '通过' : r === 'FAILED' ? '未通过' : '待测评') },
    ]} />
  );
}
