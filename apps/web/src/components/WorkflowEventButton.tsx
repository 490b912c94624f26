import { useState, type ReactNode } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { OVERSIGHT_EVENT_LABELS, oversightErrorText } from '../oversight-labels';

/** One input of an event's form: free text or a date and time. */
export interface EventField {
  name: string;
  label: string;
  kind: 'textarea' | 'datetime';
  required?: boolean;
}

interface Props {
  /** Where the event goes, e.g. `/review-opinion-lists/<id>/events`. */
  eventsPath: string;
  type: string;
  /** Fixed parts of the payload, e.g. the item the event is about. */
  payload?: Record<string, unknown>;
  fields?: EventField[];
  /** Shown in the button and the dialog; the event's Chinese name when not given. */
  label?: string;
  primary?: boolean;
  danger?: boolean;
  size?: 'small' | 'middle';
  onDone: () => void;
}

/**
 * A button for one workflow event of the oversight screens: opens the event's form (or a confirmation when it has no
 * fields), posts `{ type, ...payload, ...values }` and shows the API's answer in Chinese.
 */
export function WorkflowEventButton({ eventsPath, type, payload, fields = [], label, primary, danger, size, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const name = label ?? OVERSIGHT_EVENT_LABELS[type] ?? type;

  const send = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const filled = Object.entries(values)
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([key, value]) => [key, dayjs.isDayjs(value) ? value.toISOString() : value]);
      await api(eventsPath, { method: 'POST', body: { type, ...payload, ...Object.fromEntries(filled) } });
      message.success(`${name}：已完成`);
      setOpen(false);
      onDone();
    } catch (error) {
      message.error({ content: oversightErrorText(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size={size} type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(true)}>{name}</Button>
      <Modal open={open} title={name} okText={fields.length ? '提交' : '确认'} cancelText="取消" confirmLoading={busy}
        onCancel={() => setOpen(false)} onOk={() => (fields.length ? form.submit() : send({}))} destroyOnHidden>
        {fields.length === 0 ? (
          <p>确认要执行“{name}”吗？此操作将记入办理记录，不能撤销。</p>
        ) : (
          <Form form={form} layout="vertical" onFinish={send} preserve={false}>
            <p className="muted">提交后将记入办理记录，不能撤销。</p>
            {fields.map((field) => (
              <Form.Item key={field.name} name={field.name} label={field.label}
                rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : undefined}>
                {field.kind === 'textarea' ? <Input.TextArea rows={4} /> : <DatePicker showTime style={{ width: '100%' }} placeholder="选择日期和时间" />}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}

/** How one workflow-wide event is offered: its form, and whether its button is the main or a dangerous one. */
export interface EventSpec {
  fields?: EventField[];
  primary?: boolean;
  danger?: boolean;
}

/** One button per event of `specs` the caller may send now (in the order of `specs`). */
export function WorkflowEventBar({ eventsPath, specs, allowed, onDone, empty = null }: {
  eventsPath: string; specs: Record<string, EventSpec>; allowed: string[]; onDone: () => void; empty?: ReactNode;
}) {
  const events = Object.keys(specs).filter((type) => allowed.includes(type));
  if (events.length === 0) return <>{empty}</>;
  return (
    <Space wrap>
      {events.map((type) => (
        <WorkflowEventButton key={type} eventsPath={eventsPath} type={type} fields={specs[type].fields}
          primary={specs[type].primary} danger={specs[type].danger} onDone={onDone} />
      ))}
    </Space>
  );
}
