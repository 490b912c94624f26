import { useEffect, useState } from 'react';
import { Layout, Menu, Button, Space, Typography, Spin } from 'antd';
import { BellOutlined, FileTextOutlined, InboxOutlined, PlusOutlined, AuditOutlined, LogoutOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, session } from './api/client';
import type { AuthUser } from './api/types';
import { ROLE_LABELS } from './labels';
import { LoginPage } from './pages/LoginPage';
import { SuggestionListPage } from './pages/SuggestionListPage';
import { SuggestionDetailPage } from './pages/SuggestionDetailPage';
import { NewSuggestionPage } from './pages/NewSuggestionPage';
import { InboxPage } from './pages/InboxPage';
import { NotificationsPage } from './pages/NotificationsPage';

export function App() {
  const [user, setUser] = useState<AuthUser | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token));
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    if (!session.token) return;
    api<AuthUser>('/auth/me')
      .then(setUser)
      .catch(() => session.set(null))
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <Spin fullscreen tip="正在加载…" />;
  if (!user) return <LoginPage onLogin={(signedIn) => { setUser(signedIn); navigate('/'); }} />;

  const isDeputy = user.roles.includes('DEPUTY');
  const isUnit = user.unitId !== null;
  const isOffice = user.roles.some((role) => ['OFFICE', 'GOV_OFFICE', 'ADMIN'].includes(role));
  const items = [
    { key: '/', icon: <FileTextOutlined />, label: <Link to="/">{isDeputy ? '我的建议' : '建议列表'}</Link> },
    ...(isDeputy ? [{ key: '/new', icon: <PlusOutlined />, label: <Link to="/new">提出建议</Link> }] : []),
    ...(isUnit ? [{ key: '/inbox', icon: <InboxOutlined />, label: <Link to="/inbox">办理工作台</Link> }] : []),
    ...(isOffice ? [{ key: '/review', icon: <AuditOutlined />, label: <Link to="/review">审查交办</Link> }] : []),
    { key: '/notifications', icon: <BellOutlined />, label: <Link to="/notifications">消息通知</Link> },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#b71c1c', padding: '0 16px' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>人大代表建议办理系统</Typography.Title>
        <Space style={{ color: '#fff' }} wrap>
          <span>{user.displayName}（{user.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}）</span>
          <Button size="small" icon={<LogoutOutlined />} onClick={async () => {
            await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
            session.set(null);
            setUser(null);
          }}>退出</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={180}>
          <Menu mode="inline" selectedKeys={[location.pathname === '/' ? '/' : `/${location.pathname.split('/')[1]}`]} items={items} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16 }}>
          <Routes>
            <Route path="/" element={<SuggestionListPage user={user} />} />
            <Route path="/review" element={<SuggestionListPage user={user} reviewQueue />} />
            <Route path="/new" element={<NewSuggestionPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/suggestions/:id" element={<SuggestionDetailPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
