import { useEffect, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  AuditOutlined, BarChartOutlined, CheckSquareOutlined, BellOutlined, FileTextOutlined, GlobalOutlined, InboxOutlined, KeyOutlined, LockOutlined,
  LogoutOutlined, MenuOutlined, PlusOutlined, ScheduleOutlined, StarOutlined, TrophyOutlined, EyeInvisibleOutlined, ProfileOutlined, SettingOutlined,
} from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, session } from './api/client';
import type { AuthUser } from './api/types';
import { ROLE_LABELS } from './labels';
import { LoginPage, lastJurisdictionCode } from './pages/LoginPage';
import { SuggestionListPage } from './pages/SuggestionListPage';
import { SuggestionDetailPage } from './pages/SuggestionDetailPage';
import { NewSuggestionPage } from './pages/NewSuggestionPage';
import { InboxPage } from './pages/InboxPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PasswordPage } from './pages/PasswordPage';
import { MyRecordPage } from './pages/MyRecordPage';
import { KeySuggestionsPage } from './pages/KeySuggestionsPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { MeetingDetailPage } from './pages/MeetingDetailPage';
import { VoteSessionsPage } from './pages/VoteSessionsPage';
import { VoteSessionPage } from './pages/VoteSessionPage';
import { VoteScreenPage } from './pages/VoteScreenPage';
import { DisclosurePage } from './pages/DisclosurePage';
import { FiguresPage } from './pages/FiguresPage';
import { PublicPortal } from './pages/PublicPortal';
import { LivelihoodBallotPage, LivelihoodVotesPage } from './pages/LivelihoodBallotPage';
import { ReviewOpinionListDetailPage, ReviewOpinionListsPage, seesReviewLists } from './pages/ReviewOpinionListsPage';
import { NewReviewListPage } from './pages/NewReviewListPage';
import { LivelihoodAdminPage, LivelihoodAdminVotePage, managesLivelihoodProjects } from './pages/LivelihoodAdminPage';
import { can } from './roles';

/** Public pages need no sign-in; everything else goes through the signed-in shell. */
export function App() {
  return (
    <Routes>
      <Route path="/public/:jurisdictionCode/*" element={<PublicPortal />} />
      <Route path="*" element={<SignedInApp />} />
    </Routes>
  );
}

function SignedInApp() {
  const [user, setUser] = useState<AuthUser | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token));
  const navigate = useNavigate();

  useEffect(() => {
    if (!session.token) return;
    api<AuthUser>('/auth/me')
      .then(setUser)
      .catch(() => session.set(null))
      .finally(() => setChecking(false));
  }, []);

  if (checking) return <Spin fullscreen description="正在加载…" />;
  if (!user) return <LoginPage onLogin={(signedIn) => { setUser(signedIn); navigate(signedIn.mustChangePassword ? '/password' : homeOf(signedIn)); }} />;

  const signOut = async () => {
    await api('/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    session.set(null);
    setUser(null);
    navigate('/');
  };

  return (
    <Routes>
      <Route path="/vote-sessions/:id/screen" element={<VoteScreenPage />} />
      <Route path="*" element={<Shell user={user} onSignOut={signOut} onPasswordChanged={() => setUser({ ...user, mustChangePassword: false })} />} />
    </Routes>
  );
}

/** Where each role starts its day. */
function homeOf(user: AuthUser): string {
  if (user.unitId) return '/inbox';
  if (can(user, 'review')) return '/review';
  if (can(user, 'vote') && !user.roles.includes('DEPUTY')) return '/vote-sessions';
  return '/';
}

function menuItems(user: AuthUser) {
  const link = (to: string, label: string, icon: React.ReactNode) => ({ key: to, icon, label: <Link to={to}>{label}</Link> });
  const code = lastJurisdictionCode();
  return [
    ...(user.unitId ? [link('/inbox', '办理工作台', <InboxOutlined />)] : []),
    link('/', user.roles.includes('DEPUTY') ? '我的建议' : '建议列表', <FileTextOutlined />),
    ...(user.roles.includes('DEPUTY') ? [link('/new', '提出建议', <PlusOutlined />), link('/my-record', '我的履职', <TrophyOutlined />)] : []),
    ...(user.roles.includes('DEPUTY') || can(user, 'vote') ? [link('/livelihood-votes', '民生实事票决', <CheckSquareOutlined />)] : []),
    ...(can(user, 'review') ? [link('/review', '审查交办', <AuditOutlined />)] : []),
    ...(can(user, 'disclose') ? [link('/disclosure', '公开审查', <EyeInvisibleOutlined />)] : []),
    ...(can(user, 'key') ? [link('/key-suggestions', '重点建议', <StarOutlined />)] : []),
    ...(can(user, 'meetings') ? [link('/meetings', '主任会议', <ScheduleOutlined />)] : []),
    ...(can(user, 'vote') ? [link('/vote-sessions', '满意度测评', <KeyOutlined />)] : []),
    ...(seesReviewLists(user) ? [link('/review-opinion-lists', '审议意见清单', <ProfileOutlined />)] : []),
    ...(managesLivelihoodProjects(user) ? [link('/livelihood-admin', user.roles.includes('OFFICE') ? '票决管理' : '民生实事项目', <SettingOutlined />)] : []),
    ...(can(user, 'figures') ? [link('/figures', '统计报表', <BarChartOutlined />)] : []),
    link('/notifications', '消息通知', <BellOutlined />),
    link('/password', '修改密码', <LockOutlined />),
    ...(code ? [{ key: 'public', icon: <GlobalOutlined />, label: <a href={`/public/${code}`} target="_blank" rel="noreferrer">公开网站</a> }] : []),
  ];
}

function Shell({ user, onSignOut, onPasswordChanged }: { user: AuthUser; onSignOut: () => void; onPasswordChanged: () => void }) {
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const narrow = !screens.md;
  const selected = location.pathname === '/' ? '/' : `/${location.pathname.split('/')[1]}`;
  const menu = <Menu mode="inline" selectedKeys={[selected]} items={menuItems(user)} onClick={() => setDrawer(false)} style={{ borderInlineEnd: 0 }} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">跳到主要内容</a>
      <Layout.Header className="app-header">
        <Space size={8}>
          {narrow ? <Button type="text" aria-label="打开菜单" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawer(true)} /> : null}
          <Typography.Title level={1} className="app-title">{narrow ? '建议办理' : '人大代表建议办理系统'}</Typography.Title>
        </Space>
        <Space style={{ color: '#fff' }} size={8}>
          <span className="app-user">{narrow ? user.displayName.slice(0, 8) : `${user.displayName}（${user.roles.map((role) => ROLE_LABELS[role] ?? role).join('、')}）`}</span>
          <Button size="small" icon={<LogoutOutlined />} onClick={onSignOut}>退出</Button>
        </Space>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title="菜单" styles={{ body: { padding: 0 } }}>{menu}</Drawer>
        ) : (
          <Layout.Sider theme="light" width={190}>{menu}</Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 8 : 16, minWidth: 0 }}>
          {user.mustChangePassword && location.pathname !== '/password' ? <Navigate to="/password" replace /> : null}
          <Routes>
            <Route path="/" element={<SuggestionListPage user={user} />} />
            <Route path="/review" element={<SuggestionListPage user={user} reviewQueue />} />
            <Route path="/new" element={<NewSuggestionPage user={user} />} />
            <Route path="/my-record" element={<MyRecordPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/password" element={<PasswordPage forced={Boolean(user.mustChangePassword)} onChanged={onPasswordChanged} />} />
            <Route path="/suggestions/:id" element={<SuggestionDetailPage user={user} />} />
            <Route path="/disclosure" element={<DisclosurePage />} />
            <Route path="/key-suggestions" element={<KeySuggestionsPage user={user} />} />
            <Route path="/meetings" element={<MeetingsPage user={user} />} />
            <Route path="/meetings/:id" element={<MeetingDetailPage user={user} />} />
            <Route path="/vote-sessions" element={<VoteSessionsPage user={user} />} />
            <Route path="/vote-sessions/:id" element={<VoteSessionPage user={user} />} />
            <Route path="/figures" element={<FiguresPage />} />
            <Route path="/livelihood-votes" element={<LivelihoodVotesPage />} />
            <Route path="/livelihood-votes/:id" element={<LivelihoodBallotPage />} />
            <Route path="/review-opinion-lists" element={<ReviewOpinionListsPage user={user} />} />
            <Route path="/review-opinion-lists/new" element={<NewReviewListPage />} />
            <Route path="/review-opinion-lists/:id" element={<ReviewOpinionListDetailPage user={user} />} />
            <Route path="/livelihood-admin" element={<LivelihoodAdminPage />} />
            <Route path="/livelihood-admin/:id" element={<LivelihoodAdminVotePage user={user} />} />
            <Route path="*" element={<Navigate to={homeOf(user)} replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
