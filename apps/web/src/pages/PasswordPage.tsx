import { useState } from 'react';
import { Alert, Button, Card, Form, Input, message } from 'antd';
import { api } from '../api/client';

/** Change one's own password; every other session ends. Forced after an administrator's reset. */
export function PasswordPage({ forced, onChanged }: { forced: boolean; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await api('/auth/password', { method: 'POST', body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      setError(null);
      onChanged();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {forced ? <Alert type="warning" showIcon title="管理员已重置您的密码，请先设置新密码后再继续使用。" style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra="至少 10 个字符" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '新密码至少 10 个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="再次输入新密码" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
      </Form>
    </Card>
  );
}
