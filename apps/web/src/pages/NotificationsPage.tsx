import { Alert, Button, Card, List, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { NotificationItem, Page } from '../api/types';
import { useApi } from '../useApi';

export function NotificationsPage() {
  const { data, error, loading, reload } = useApi<Page<NotificationItem>>('/notifications');
  const markRead = async (id: string) => {
    try {
      await api(`/notifications/${id}/read`, { method: 'POST', body: {} });
      void reload();
    } catch (failure) {
      message.error((failure as Error).message);
    }
  };
  return (
    <Card title={<Typography.Title level={2} className="page-title">消息通知</Typography.Title>}>
      {error ? <Alert type="error" title={error} showIcon /> : null}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无消息' }}
        renderItem={(item) => (
          <List.Item actions={item.readAt ? [] : [<Button key="read" size="small" onClick={() => markRead(item.id)}>标为已读</Button>]}>
            <List.Item.Meta
              title={<span>{item.readAt ? null : <Tag color="red">未读</Tag>}{item.instanceId ? <Link to={`/suggestions/${item.instanceId}`}>{item.title}</Link> : item.title}</span>}
              description={<span>{item.body} <span className="muted">{dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</span></span>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
