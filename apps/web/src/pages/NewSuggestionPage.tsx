import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Radio, Select, Space, Switch, Typography, Upload, message } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { AuthUser, Named, SearchHit, SuggestionDetail } from '../api/types';
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, attachmentProblem, fileSize, uploadAttachments } from '../components/Attachments';
import { Highlighted } from '../components/Highlighted';
import { useApi } from '../useApi';

interface Profile {
  categories: string[];
}

interface Draft {
  sessionId: string;
  title: string;
  content: string;
  category: string;
  duringSession: boolean;
  cosignerIds?: string[];
  agreesToDisclosure: boolean;
  requestsConfidentiality: boolean;
}

/** A deputy files a draft: one matter per suggestion, co-signers invited to confirm from their own accounts. */
export function NewSuggestionPage({ user }: { user: AuthUser }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Draft>();
  const sessions = useApi<Array<Named & { year: number }>>('/sessions');
  const deputies = useApi<Named[]>('/deputies');
  const profile = useApi<Profile>('/profile');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [similar, setSimilar] = useState<SearchHit[] | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const newestSession = sessions.data?.[0]?.id;
  useEffect(() => {
    if (newestSession && !form.getFieldValue('sessionId')) form.setFieldValue('sessionId', newestSession);
  }, [newestSession, form]);

  const submit = async (values: Draft) => {
    setBusy(true);
    try {
      const created = await api<SuggestionDetail>('/suggestions', { method: 'POST', body: values });
      // The draft exists now; a file that fails can be added again on its page.
      const failures = await uploadAttachments(created.id, files);
      if (failures.length > 0) message.error({ content: `草稿已保存，但有附件未能上传：${failures.join('；')}。可在建议页面重新上传。`, duration: 10 });
      navigate(`/suggestions/${created.id}`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const findSimilar = async () => {
    const { title, content, sessionId } = form.getFieldsValue();
    if (!title || !sessionId) {
      setError('请先选择会议并填写标题，再查找相似建议');
      return;
    }
    try {
      const found = await api<{ items: SearchHit[] }>('/search/similar', { method: 'POST', body: { title, content: content?.slice(0, 20000), sessionId } });
      setSimilar(found.items);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const sessionOptions = (sessions.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Card title={<Typography.Title level={2} className="page-title">提出建议</Typography.Title>} style={{ maxWidth: 860 }}>
      {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form form={form} layout="vertical" onFinish={submit}
        initialValues={{ duringSession: true, agreesToDisclosure: true, requestsConfidentiality: false }}>
        <Form.Item name="sessionId" label="会议" rules={[{ required: true, message: '请选择会议' }]}>
          <Select options={sessionOptions} loading={sessions.loading} placeholder="选择会议" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 200, message: '标题不超过 200 字' }]} extra="一事一议：每件建议只提一个问题">
          <Input placeholder="如：关于在城东新区增设公交站点的建议" />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={(profile.data?.categories ?? []).map((c) => ({ value: c, label: c }))} placeholder="选择类别" />
        </Form.Item>
        <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
          <Input.TextArea rows={8} showCount maxLength={50000} placeholder="问题、原因和具体建议" />
        </Form.Item>
        <Form.Item name="duringSession" label="提出时间">
          <Radio.Group options={[{ value: true, label: '大会期间' }, { value: false, label: '闭会期间' }]} />
        </Form.Item>
        <Form.Item name="cosignerIds" label="联名代表" extra="被邀请的代表须在自己的账号中确认后，建议才能提交">
          <Select mode="multiple" showSearch optionFilterProp="label" placeholder="输入姓名查找代表"
            options={(deputies.data ?? []).filter((d) => d.id !== user.deputyId).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label="附件" htmlFor="attachments" extra={`${ATTACHMENT_HINT}附件只供办理使用，不在网上公开。`}>
          <Upload id="attachments" accept={ATTACHMENT_ACCEPT} multiple showUploadList={false}
            beforeUpload={(file) => {
              const problem = attachmentProblem(file);
              if (problem) message.error({ content: problem, duration: 8 });
              else setFiles((chosen) => [...chosen.filter((f) => f.name !== file.name), file]);
              return Upload.LIST_IGNORE;
            }}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          {files.length > 0 ? (
            <List size="small" className="chosen-files" dataSource={files} renderItem={(file) => (
              <List.Item actions={[<Button key="remove" type="link" size="small" onClick={() => setFiles(files.filter((f) => f !== file))} aria-label={`移除 ${file.name}`}>移除</Button>]}>
                <Space size={8}><PaperClipOutlined aria-hidden /><span className="attachment-name">{file.name}</span><span className="muted">{fileSize(file.size)}，保存草稿时上传</span></Space>
              </List.Item>
            )} />
          ) : null}
        </Form.Item>
        <Form.Item name="agreesToDisclosure" label="同意网上公开" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="requestsConfidentiality" label="申请保密" valuePropName="checked"><Switch /></Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>保存草稿</Button>
          <Button onClick={findSimilar}>查找相似建议</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>保存后在建议页面提交；提交前可继续邀请或移除联名代表，增删附件。</Typography.Paragraph>
      </Form>
      {similar ? (
        <List size="small" header={<strong>本届及往届相似建议</strong>} dataSource={similar} locale={{ emptyText: '没有找到相似建议' }} renderItem={(hit) => (
          <List.Item>
            <List.Item.Meta title={<Link to={`/suggestions/${hit.id}`}>{hit.numberLabel} <Highlighted html={hit.highlightedTitle ?? hit.title} /></Link>} description={hit.session?.name} />
          </List.Item>
        )} />
      ) : null}
    </Card>
  );
}
