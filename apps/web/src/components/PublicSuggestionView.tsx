import { Card, Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PublicSuggestion } from '../api/types';
import { ASSIGNMENT_ROLE_LABELS } from '../labels';

const KEY_RESULT: Record<string, string> = { PASSED: '重点建议 · 测评通过', FAILED: '重点建议 · 测评未通过' };

/** A suggestion as the public sees it (already redacted by the API): the same view for the preview and the portal. */
export function PublicSuggestionView({ suggestion: s }: { suggestion: PublicSuggestion }) {
  return (
    <article>
      <Typography.Title level={3} style={{ fontSize: 20 }}>{s.numberLabel} {s.title}</Typography.Title>
      <div style={{ marginBottom: 8 }}>
        <Tag>{s.category}</Tag>
        {s.classification ? <Tag color="blue">{s.classification.code} 类 · {s.classification.label}</Tag> : null}
        {s.key ? <Tag color="gold">{KEY_RESULT[s.key.result ?? ''] ?? '重点建议'}</Tag> : null}
        {s.disclosure.mode === 'SUMMARY' ? <Tag>摘要公开</Tag> : null}
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="会议">{s.session.name}</Descriptions.Item>
        <Descriptions.Item label="领衔代表">{s.leadDeputy}{s.delegation ? `（${s.delegation}）` : ''}</Descriptions.Item>
        {s.cosigners.length ? <Descriptions.Item label="联名代表">{s.cosigners.join('、')}</Descriptions.Item> : null}
        <Descriptions.Item label="承办单位">{s.units.map((u) => `${u.name}（${ASSIGNMENT_ROLE_LABELS[u.role] ?? u.role}）`).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} style={{ fontSize: 16 }}>建议内容</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.summary ?? s.content}</Typography.Paragraph>
      <Typography.Title level={4} style={{ fontSize: 16 }}>答复</Typography.Title>
      {s.replies.length === 0 ? <Typography.Paragraph type="secondary">暂无公开的答复</Typography.Paragraph> : s.replies.map((r, index) => (
        <Card key={index} size="small" type="inner" style={{ marginBottom: 8 }}
          title={`${r.unit} · ${r.followUp ? '跟踪答复' : `第${r.round}轮答复`}${r.classification ? ` · ${r.classification.code} 类` : ''}`}
          extra={dayjs(r.repliedAt).format('YYYY-MM-DD')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>
        </Card>
      ))}
    </article>
  );
}
