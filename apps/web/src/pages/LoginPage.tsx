import { useState } from 'react';
import { Alert, Button, Card, Collapse, Form, Input, Space, Typography } from 'antd';
import { ApiError, api, session, type IssuedToken } from '../api/client';
import type { AuthUser } from '../api/types';

const CODE_KEY = 'jianyi.jurisdiction';

/** The jurisdiction code of the last sign-in, for the link to the public site. */
export function lastJurisdictionCode(): string | null {
  return localStorage.getItem(CODE_KEY);
}

const DEMO_USERS = [
  { username: 'deputy001', label: '代表（王建国）' },
  { username: 'deputy002', label: '代表（李秀英）' },
  { username: 'jtj-staff', label: '交通运输局经办人' },
  { username: 'jtj-head', label: '交通运输局负责人' },
  { username: 'office', label: '人代工委' },
  { username: 'gov-office', label: '政府督查室' },
  { username: 'council', label: '主任会议成员' },
  { username: 'sc-leader', label: '常委会领导（主持人）' },
  { username: 'member', label: '常委会组成人员' },
  { username: 'gov-leader', label: '政府领导' },
];

/** Password sign-in; in demo mode a demo user can also be picked with one click. */
export function LoginPage({ onLogin }: { onLogin: (user: AuthUser) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ jurisdictionCode: string; username: string; password: string }>();

  const signIn = async (path: string, body: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const issued = await api<IssuedToken & { user: AuthUser }>(path, { method: 'POST', body });
      session.set(issued);
      localStorage.setItem(CODE_KEY, body.jurisdictionCode);
      onLogin(issued.user);
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.body.code : '';
      setError(code === 'AUTH_UNAUTHORIZED' ? '机构代码、用户名或密码不正确' : (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const demo = (username: string) => signIn('/auth/demo-login', { jurisdictionCode: form.getFieldValue('jurisdictionCode') || 'demo-county', username });

  return (
    <main className="login-page">
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ textAlign: 'center', fontSize: 24 }}>人大代表建议办理系统</Typography.Title>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form form={form} layout="vertical" onFinish={(values) => signIn('/auth/login', values)} initialValues={{ jurisdictionCode: lastJurisdictionCode() ?? 'demo-county' }} requiredMark={false}>
          <Form.Item name="jurisdictionCode" label="人大（机构代码）" rules={[{ required: true, message: '请输入机构代码' }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <Collapse ghost style={{ marginTop: 12 }} items={[{
          key: 'demo',
          label: '演示模式：一键登录演示账号',
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                仅在演示模式下可用。演示账号的密码均为 jianyi-demo。
              </Typography.Paragraph>
              <Space wrap>
                {DEMO_USERS.map((user) => (
                  <Button key={user.username} size="small" disabled={busy} onClick={() => demo(user.username)}>{user.label}</Button>
                ))}
              </Space>
            </>
          ),
        }]} />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, textAlign: 'center' }}>
          <a href={`/public/${lastJurisdictionCode() ?? 'demo-county'}`}>不登录，查看公开的建议和答复</a>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
