import { useState } from 'react';
import { App as AntApp, Button, Card, List, Space, Typography, Upload, message } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, download, upload } from '../api/client';
import type { Attachment } from '../api/types';
import { useApi } from '../useApi';

/** What the API takes (it checks the content too); the browser's file dialog offers only these. */
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.txt';
const ATTACHMENT_MAX_MB = 20;
export const ATTACHMENT_HINT = `可上传 PDF、Word、Excel、JPG/PNG 图片或 TXT 文本，每个文件不超过 ${ATTACHMENT_MAX_MB} MB。`;

/** A first check in the browser, so a wrong file is named at once; the API decides (type by content, its own size limit). */
export function attachmentProblem(file: File): string | null {
  const extension = file.name.includes('.') ? `.${file.name.split('.').pop()!.toLowerCase()}` : '';
  if (!ATTACHMENT_ACCEPT.split(',').includes(extension)) return `“${file.name}”的类型不能上传：${ATTACHMENT_HINT}`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > ATTACHMENT_MAX_MB * 1024 * 1024) return `“${file.name}”超过 ${ATTACHMENT_MAX_MB} MB`;
  return null;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Uploads files one by one; answers the messages of those that failed (the others are attached). */
export async function uploadAttachments(suggestionId: string, files: File[]): Promise<string[]> {
  const failures: string[] = [];
  for (const file of files) {
    try {
      await upload<Attachment>(`/suggestions/${suggestionId}/attachments`, file);
    } catch (error) {
      failures.push(`${file.name}：${(error as Error).message}`);
    }
  }
  return failures;
}

/**
 * A suggestion's attachments: everyone who may read the suggestion downloads them; while it is a draft its lead deputy
 * adds and removes them. They are never shown on the public site.
 */
export function AttachmentsCard({ suggestionId, editable, onChanged }: { suggestionId: string; editable: boolean; onChanged?: () => void }) {
  const { modal } = AntApp.useApp();
  const { data, error, loading, reload } = useApi<Attachment[]>(`/suggestions/${suggestionId}/attachments`);
  const [busy, setBusy] = useState(false);
  const changed = () => {
    void reload();
    onChanged?.();
  };

  const add = async (file: File) => {
    const problem = attachmentProblem(file);
    if (problem) {
      message.error({ content: problem, duration: 8 });
      return;
    }
    setBusy(true);
    const [failure] = await uploadAttachments(suggestionId, [file]);
    setBusy(false);
    if (failure) message.error({ content: failure, duration: 8 });
    else message.success(`已上传“${file.name}”`);
    changed();
  };

  const remove = (attachment: Attachment) => modal.confirm({
    title: `删除附件“${attachment.fileName}”？`, content: '删除后不能恢复，并记入办理记录。', okText: '删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try {
        await api(`/suggestions/${suggestionId}/attachments/${attachment.id}`, { method: 'DELETE' });
        message.success('已删除');
        changed();
      } catch (failure) {
        message.error((failure as Error).message);
      }
    },
  });

  const save = async (attachment: Attachment) => {
    try {
      await download(`/suggestions/${suggestionId}/attachments/${attachment.id}`, attachment.fileName);
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };

  return (
    <Card title={`附件（${data?.length ?? 0}）`} size="small" extra={editable ? (
      <Upload accept={ATTACHMENT_ACCEPT} multiple showUploadList={false} beforeUpload={(file) => { void add(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy}>上传附件</Button>
      </Upload>
    ) : null}>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <List size="small" loading={loading && !data} dataSource={data ?? []}
        locale={{ emptyText: editable ? `还没有附件。${ATTACHMENT_HINT}` : '没有附件' }}
        renderItem={(attachment) => (
          <List.Item actions={[
            <Button key="download" size="small" icon={<DownloadOutlined />} onClick={() => save(attachment)} aria-label={`下载 ${attachment.fileName}`}>下载</Button>,
            ...(editable ? [<Button key="delete" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(attachment)} aria-label={`删除 ${attachment.fileName}`}>删除</Button>] : []),
          ]}>
            <List.Item.Meta avatar={<PaperClipOutlined aria-hidden />} title={<span className="attachment-name">{attachment.fileName}</span>}
              description={<Space size={12} wrap><span>{fileSize(attachment.sizeBytes)}</span><span>{dayjs(attachment.createdAt).format('YYYY-MM-DD HH:mm')}</span></Space>} />
          </List.Item>
        )} />
      {editable && (data?.length ?? 0) > 0 ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{ATTACHMENT_HINT}提交建议后附件不能再修改。</Typography.Paragraph> : null}
    </Card>
  );
}
