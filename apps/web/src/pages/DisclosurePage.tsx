import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Form, Input, List, Popconfirm, Row, Space, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { PublicSuggestion } from '../api/types';
import { EventActions } from '../components/EventActions';
import { PublicSuggestionView } from '../components/PublicSuggestionView';
import { countdown } from '../labels';
import { useApi } from '../useApi';

interface Pending {
  items: Array<{ id: string; number: number | null; title: string; dueAt: string | null }>;
}

interface Preview {
  disclosureState: string;
  marks: Array<{ id: string; passage: string; reason: string | null; createdAt: string }>;
  redactions: Record<string, number>;
  view: PublicSuggestion;
}

/** Disclosure review (网上公开审查): pick a replied suggestion, hide passages, see the public version, decide. */
export function DisclosurePage() {
  const pending = useApi<Pending>('/disclosure/pending');
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card title={<Typography.Title level={2} className="page-title">公开审查</Typography.Title>} size="small">
          {pending.error ? <Alert type="error" showIcon title={pending.error} /> : null}
          <List loading={pending.loading} dataSource={pending.data?.items ?? []} locale={{ emptyText: '没有待公开审查的建议' }} renderItem={(item) => (
            <List.Item className={item.id === selected ? 'list-selected' : ''}>
              <button type="button" className="link-button" onClick={() => setSelected(item.id)} aria-pressed={item.id === selected}>
                {item.number ? `第${item.number}号 ` : ''}{item.title}
              </button>
              {item.dueAt ? <Tag color={countdown(item.dueAt).color}>{countdown(item.dueAt).text}</Tag> : null}
            </List.Item>
          )} />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {selected ? <Review key={selected} id={selected} onDecided={() => { setSelected(null); void pending.reload(); }} /> : (
          <Card><Empty description="从左侧选择一件建议，预览公开版本" /></Card>
        )}
      </Col>
    </Row>
  );
}

function Review({ id, onDecided }: { id: string; onDecided: () => void }) {
  const { data, error, loading, reload } = useApi<Preview>(`/disclosure/suggestions/${id}/preview`);
  const detail = useApi<{ allowedEvents: string[] }>(`/suggestions/${id}`);
  const [form] = Form.useForm();
  const mark = async (values: { passage: string; reason?: string }) => {
    try {
      await api(`/disclosure/suggestions/${id}/redactions`, { method: 'POST', body: values });
      form.resetFields();
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };
  const unmark = async (markId: string) => {
    try {
      await api(`/disclosure/suggestions/${id}/redactions/${markId}`, { method: 'DELETE' });
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="隐去的内容" size="small" loading={loading && !data}>
        <Form form={form} layout="vertical" onFinish={mark}>
          <Row gutter={8}>
            <Col xs={24} md={12}><Form.Item name="passage" label="要隐去的原文（如个人姓名、电话）" rules={[{ required: true, message: '请填写要隐去的原文' }, { min: 2, message: '至少 2 个字' }]}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="reason" label="理由"><Input placeholder="如：个人隐私" /></Form.Item></Col>
            <Col xs={24} md={4}><Form.Item label=" "><Button htmlType="submit" block>隐去</Button></Form.Item></Col>
          </Row>
        </Form>
        <List size="small" dataSource={data?.marks ?? []} locale={{ emptyText: '尚未隐去任何内容' }} renderItem={(m) => (
          <List.Item actions={[<Popconfirm key="undo" title="恢复显示这段内容？" okText="恢复" cancelText="取消" onConfirm={() => unmark(m.id)}><Button size="small">恢复显示</Button></Popconfirm>]}>
            “{m.passage}”{m.reason ? ` · ${m.reason}` : ''} <span className="muted">{dayjs(m.createdAt).format('MM-DD HH:mm')}</span>
          </List.Item>
        )} />
      </Card>
      {data ? (
        <Card title="公开版本预览" size="small" extra={<Space>
          <EventActions suggestionId={id} allowed={(detail.data?.allowedEvents ?? []).filter((e) => e === 'DECIDE_DISCLOSURE')} lookups={{ units: [], deputies: [] }} onDone={onDecided} />
        </Space>}>
          <PublicSuggestionView suggestion={data.view} />
        </Card>
      ) : null}
    </Space>
  );
}
