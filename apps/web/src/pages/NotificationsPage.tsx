import { Alert, Button, Card, List, Space, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../api/client';
import type { NotificationItem, Page } from '../api/types';
import { useApi } from '../useApi';

/** Where the notification leads: the page the server named on delivery (older ones: their suggestion). */
function linkOf(item: NotificationItem): string | null {
  const path = item.data?.path ?? (item.data?.suggestionId ? `/suggestions/${item.data.suggestionId}` : null);
  return path && path !== '/notifications' ? path : null;
}

/** The in-app inbox: each message in Chinese with the item's number and title, what is due and when, and a link to it. */
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
              title={<Space wrap size={8}>
                {item.readAt ? null : <Tag color="red">未读</Tag>}
                {linkOf(item) ? <Link to={linkOf(item)!}>{item.title}</Link> : <span>{item.title}</span>}
                <span className="muted notification-time">{dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</span>
              </Space>}
              description={item.body}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
