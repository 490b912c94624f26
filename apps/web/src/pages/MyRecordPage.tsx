import { useState } from 'react';
import { Alert, Card, Col, Descriptions, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useApi } from '../useApi';

interface PerformanceRow {
  name: string;
  deputyNumber: string;
  delegation: string | null;
  led: number;
  cosigned: number;
  feedbackGiven: number;
  belowMinimum: boolean;
}

interface Performance {
  year: number;
  minimum: number;
  definitions: Record<string, { name: string; definition: string }>;
  rows: PerformanceRow[];
}

/** A deputy's own performance record (履职记录) for a year: led, co-signed, feedback given, against the yearly minimum. */
export function MyRecordPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, error, loading } = useApi<Performance>(`/reports/deputies/me?year=${year}`);
  const row = data?.rows[0];
  return (
    <Card title={<Typography.Title level={2} className="page-title">我的履职记录</Typography.Title>} loading={loading && !data}
      extra={<Space><label htmlFor="record-year">年度</label><InputNumber id="record-year" min={2000} max={2999} value={year} onChange={(value) => value && setYear(value)} /></Space>}>
      {error ? <Alert type="error" title={error} showIcon /> : null}
      {row ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="代表">{row.name}</Descriptions.Item>
            <Descriptions.Item label="代表证号">{row.deputyNumber}</Descriptions.Item>
            <Descriptions.Item label="代表团">{row.delegation ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="领衔提出" value={row.led} suffix="件" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="联名提出" value={row.cosigned} suffix="件" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="反馈征询意见" value={row.feedbackGiven} suffix="份" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="年度最低要求" value={data?.minimum ?? 0} suffix="件" /></Card></Col>
          </Row>
          <Alert style={{ marginTop: 16 }} showIcon type={row.belowMinimum ? 'warning' : 'success'}
            title={row.belowMinimum ? `${data?.year} 年领衔和联名的建议合计未达到最低要求（${data?.minimum} 件）` : `${data?.year} 年已达到提出建议的最低要求`} />
        </>
      ) : !loading && !error ? <Typography.Paragraph>该年度暂无履职记录。</Typography.Paragraph> : null}
    </Card>
  );
}
