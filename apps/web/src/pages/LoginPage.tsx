import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, session } from '../api/client';
import type { AuthUser } from '../api/types';

interface IssuedToken {
  accessToken: string;
  user: AuthUser;
}

/** Sign-in. In demo mode any demo user can be chosen by name; the demo accounts are listed on the page. */
export function LoginPage({ onLogin }: { onLogin: (user: AuthUser) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { jurisdictionCode: string; username: string }) => {
    setBusy(true);
    try {
      const issued = await api<IssuedToken>('/auth/demo-login', { method: 'POST', body: values });
      session.set(issued.accessToken);
      onLogin(issued.user);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>人大代表建议办理系统</Typography.Title>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} initialValues={{ jurisdictionCode: 'demo-county' }}>
          <Form.Item name="jurisdictionCode" label="人大（机构代码）" rules={[{ required: true, message: '请输入机构代码' }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 13 }}>
          演示账号：office（人代工委）、deputy001–deputy030（代表）、jtj-staff（交通运输局）、zjj-staff（住建局）、gov-leader、sc-leader、council、member
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
