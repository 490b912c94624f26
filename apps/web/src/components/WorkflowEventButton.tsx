import { useState, type ReactNode } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client';
import { OVERSIGHT_EVENT_LABELS, oversightErrorText } from '../oversight-labels';

/** One input of an event's form: free text, a date and time, a local day, a percentage, or ticks among options. */
export interface EventField {
  name: string;
  label: string;
  kind: 'textarea' | 'datetime' | 'date' | 'percent' | 'checkboxes';
  required?: boolean;
  /** The lowest percentage accepted (kind `percent`). */
  min?: number;
  /** The choices (kind `checkboxes`). */
  options?: Array<{ value: string; label: string }>;
  extra?: ReactNode;
}

/** A local day as the API takes it (`YYYY-MM-DD`); before today is not offered, as such dates are refused. */
export const LOCAL_DAY_FORMAT = 'YYYY-MM-DD';
export const beforeToday = (day: Dayjs) => day.isBefore(dayjs().startOf('day'));

/** The input of one field; Form.Item hands it id, value and onChange, which go on to the control. */
function FieldInput({ field, ...control }: { field: EventField; [prop: string]: unknown }) {
  switch (field.kind) {
    case 'textarea': return <Input.TextArea rows={4} {...control} />;
    case 'date': return <DatePicker style={{ width: '100%' }} placeholder="选择日期" disabledDate={beforeToday} {...control} />;
    case 'percent': return <InputNumber min={field.min ?? 0} max={100} precision={0} suffix="%" style={{ width: 160 }} {...control} />;
    case 'checkboxes': return <Checkbox.Group options={field.options ?? []} {...control} />;
    default: return <DatePicker showTime style={{ width: '100%' }} placeholder="选择日期和时间" {...control} />;
  }
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
  initialValues?: Record<string, unknown>;
  /** Inputs of the form beyond `fields`, e.g. a Form.List; their values go through `toPayload`. */
  children?: ReactNode;
  /** Shapes the form's values into the event's payload, where plain fields are not enough. */
  toPayload?: (values: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * A button for one workflow event of the oversight screens: opens the event's form (or a confirmation when it has no
 * fields), posts `{ type, ...payload, ...values }` and shows the API's answer in Chinese.
 */
export function WorkflowEventButton({ eventsPath, type, payload, fields = [], label, primary, danger, size, onDone, initialValues, children, toPayload }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const name = label ?? OVERSIGHT_EVENT_LABELS[type] ?? type;
  const hasForm = fields.length > 0 || Boolean(children);

  const send = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const dayFields = fields.filter((field) => field.kind === 'date').map((field) => field.name);
      const filled = Object.entries(values)
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([key, value]) => [key, dayjs.isDayjs(value) ? (dayFields.includes(key) ? value.format(LOCAL_DAY_FORMAT) : value.toISOString()) : value]);
      const body = Object.fromEntries(filled);
      await api(eventsPath, { method: 'POST', body: { type, ...payload, ...(toPayload ? toPayload(body) : body) } });
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
      <Modal open={open} title={name} okText={hasForm ? '提交' : '确认'} cancelText="取消" confirmLoading={busy}
        onCancel={() => setOpen(false)} onOk={() => (hasForm ? form.submit() : send({}))} destroyOnHidden>
        {!hasForm ? (
          <p>确认要执行“{name}”吗？此操作将记入办理记录，不能撤销。</p>
        ) : (
          <Form form={form} layout="vertical" onFinish={send} preserve={false} initialValues={initialValues}>
            <p className="muted">提交后将记入办理记录，不能撤销。</p>
            {fields.map((field) => (
              <Form.Item key={field.name} name={field.name} label={field.label} extra={field.extra}
                rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : undefined}>
                <FieldInput field={field} />
              </Form.Item>
            ))}
            {children}
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
