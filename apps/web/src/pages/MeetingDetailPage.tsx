import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Modal, Progress, Row, Select, Space, Spin, Steps, Tag, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { AuthUser, CouncilMeeting, Named } from '../api/types';
import { AgendaOrderEditor } from '../components/AgendaOrder';
import { PersonSelect } from '../components/PersonSelect';
import { AGENDA_STATUS_LABELS } from '../labels';
import { useApi } from '../useApi';

/** The agenda and the hearing screen: one item at a time, its report and the council's opinion recorded before the next. */
export function MeetingDetailPage({ user }: { user: AuthUser }) {
  const { id } = useParams();
  const { data, error, loading, reload } = useApi<CouncilMeeting>(`/council-meetings/${id}`);
  const others = useApi<Array<{ id: string; title: string; meetingDate: string }>>('/council-meetings');
  const [current, setCurrent] = useState<string | null>(null);
  const [deferring, setDeferring] = useState(false);
  const [reordering, setReordering] = useState(false);
  const units = useApi<Named[]>('/units');
  const [form] = Form.useForm();
  const mayHear = user.roles.some((r) => r === 'OFFICE' || r === 'COUNCIL_MEMBER');
  const mayPrepare = user.roles.includes('OFFICE');

  useEffect(() => {
    if (data && (!current || !data.agenda.some((a) => a.id === current))) setCurrent(data.nextItemId ?? data.agenda[0]?.id ?? null);
  }, [data, current]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin spinning={loading} description="正在加载…"><div style={{ height: 200 }} /></Spin>;
  const index = data.agenda.findIndex((a) => a.id === current);
  const item = data.agenda[index];

  const hear = async (values: { reporterName: string; report: string; opinion: string; reporterUnitId?: string; reporterLeaderId?: string }) => {
    try {
      const next = await api<CouncilMeeting>(`/council-meetings/${data.id}/agenda/${item.id}/hearing`, { method: 'POST', body: values });
      message.success(`第 ${item.position} 项已记录`);
      form.resetFields();
      setCurrent(next.nextItemId ?? item.id);
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  const defer = async (values: { toMeetingId: string; reason: string }) => {
    try {
      await api(`/council-meetings/${data.id}/agenda/${item.id}/defer`, { method: 'POST', body: values });
      message.success('已推迟到后续会议');
      setDeferring(false);
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={2} className="page-title">{data.title}</Typography.Title>} extra={dayjs(data.meetingDate).format('YYYY年M月D日')}>
        <Progress percent={data.progress.total ? Math.round(((data.progress.heard + data.progress.deferred) / data.progress.total) * 100) : 0}
          format={() => `已听取 ${data.progress.heard} 项，推迟 ${data.progress.deferred} 项，余 ${data.progress.remaining} 项`} />
      </Card>
      {data.agenda.length === 0 ? <Alert type="info" showIcon title="议程为空：请在安排会议时加入重点建议。" /> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card title="议程" size="small" extra={mayPrepare && data.agenda.length > 1 ? <Button size="small" onClick={() => setReordering(true)}>调整顺序</Button> : null}>
              <Steps orientation="vertical" size="small" current={index} onChange={(i) => setCurrent(data.agenda[i].id)}
                items={data.agenda.map((a) => ({
                  title: `${a.number ? `第${a.number}号 ` : ''}${a.title}`,
                  status: a.status === 'HEARD' ? 'finish' : a.status === 'DEFERRED' ? 'error' : a.id === data.nextItemId ? 'process' : 'wait',
                  content: AGENDA_STATUS_LABELS[a.status] ?? a.status,
                }))} />
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            {item ? (
              <Card title={<span>第 {item.position} 项 · {item.number ? `第${item.number}号 ` : ''}{item.title}</span>}
                extra={<Tag color={item.status === 'HEARD' ? 'green' : item.status === 'DEFERRED' ? 'red' : 'gold'}>{AGENDA_STATUS_LABELS[item.status]}</Tag>}>
                <Typography.Paragraph><Link to={`/suggestions/${item.suggestionId}`}>查看建议全文、答复和办理记录</Link></Typography.Paragraph>
                {item.status === 'HEARD' ? (
                  <>
                    <Typography.Paragraph><strong>汇报人：</strong>{item.reporterName}</Typography.Paragraph>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}><strong>汇报内容：</strong>{item.report}</Typography.Paragraph>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}><strong>审议意见：</strong>{item.opinion}</Typography.Paragraph>
                  </>
                ) : item.status === 'DEFERRED' ? <Typography.Paragraph>已推迟：{item.deferReason}</Typography.Paragraph> : mayHear ? (
                  <Form form={form} layout="vertical" onFinish={hear}>
                    <Form.Item name="reporterName" label="汇报人" rules={[{ required: true, message: '请填写汇报人' }]}><Input placeholder="如：县交通运输局局长 陈刚" /></Form.Item>
                    <Row gutter={12}>
                      <Col xs={24} md={12}>
                        <Form.Item name="reporterUnitId" label="汇报单位（可选）">
                          <Select allowClear showSearch optionFilterProp="label" placeholder="选择承办单位" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name="reporterLeaderId" label="汇报的领办领导（可选）"><PersonSelect roles={['GOV_LEADER']} placeholder="选择政府领导" /></Form.Item>
                      </Col>
                    </Row>
                    <Form.Item name="report" label="汇报内容" rules={[{ required: true, message: '请填写汇报内容' }]}><Input.TextArea rows={5} /></Form.Item>
                    <Form.Item name="opinion" label="主任会议审议意见" rules={[{ required: true, message: '请填写审议意见' }]}><Input.TextArea rows={3} /></Form.Item>
                    <Space wrap>
                      <Button type="primary" htmlType="submit">记录并进入下一项</Button>
                      <Button onClick={() => setDeferring(true)}>推迟到后续会议</Button>
                    </Space>
                  </Form>
                ) : <Typography.Paragraph>待听取。</Typography.Paragraph>}
                <Space style={{ marginTop: 16 }}>
                  <Button disabled={index <= 0} onClick={() => setCurrent(data.agenda[index - 1].id)}>上一项</Button>
                  <Button disabled={index >= data.agenda.length - 1} onClick={() => setCurrent(data.agenda[index + 1].id)}>下一项</Button>
                </Space>
              </Card>
            ) : null}
          </Col>
        </Row>
      )}
      <Modal open={reordering} title="调整议程顺序" footer={null} width={720} onCancel={() => setReordering(false)} destroyOnHidden>
        <AgendaOrderEditor meetingId={data.id} agenda={data.agenda} onCancel={() => setReordering(false)}
          onSaved={() => { setReordering(false); void reload(); }} />
      </Modal>
      <Modal open={deferring} title="推迟到后续会议" footer={null} onCancel={() => setDeferring(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={defer}>
          <Form.Item name="toMeetingId" label="后续会议" rules={[{ required: true, message: '请选择会议' }]}>
            <Select options={(others.data ?? []).filter((m) => m.id !== data.id).map((m) => ({ value: m.id, label: `${m.title}（${dayjs(m.meetingDate).format('YYYY-MM-DD')}）` }))}
              notFoundContent="没有其他会议，请先安排" />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit" block>确认推迟</Button>
        </Form>
      </Modal>
    </Space>
  );
}
