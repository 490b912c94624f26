import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select, Switch } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Named, SuggestionDetail } from '../api/types';
import { useApi } from '../useApi';

interface Profile {
  categories: string[];
}

/** A deputy files a draft: one matter per suggestion, co-signers invited to confirm from their own accounts. */
export function NewSuggestionPage() {
  const navigate = useNavigate();
  const sessions = useApi<Array<Named & { year: number }>>('/sessions');
  const deputies = useApi<Named[]>('/deputies');
  const profile = useApi<Profile>('/profile');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const created = await api<SuggestionDetail>('/suggestions', { method: 'POST', body: values });
      navigate(`/suggestions/${created.id}`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="提出建议" style={{ maxWidth: 820 }}>
      {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical" onFinish={submit} initialValues={{ duringSession: true, agreesToDisclosure: true, requestsConfidentiality: false }}>
        <Form.Item name="sessionId" label="会议" rules={[{ required: true, message: '请选择会议' }]}>
          <Select options={(sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 200 }]} extra="一事一议：每件建议只提一个问题">
          <Input />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={(profile.data?.categories ?? []).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
          <Input.TextArea rows={10} showCount maxLength={50000} />
        </Form.Item>
        <Form.Item name="duringSession" label="提出时间">
          <Radio.Group options={[{ value: true, label: '大会期间' }, { value: false, label: '闭会期间' }]} />
        </Form.Item>
        <Form.Item name="cosignerIds" label="联名代表" extra="被邀请的代表须在自己的账号中确认后，建议才能提交">
          <Select mode="multiple" showSearch optionFilterProp="label" options={(deputies.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="agreesToDisclosure" label="同意网上公开" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="requestsConfidentiality" label="申请保密" valuePropName="checked"><Switch /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>保存草稿</Button>
      </Form>
    </Card>
  );
}
