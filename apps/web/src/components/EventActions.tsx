import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Switch, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { CLASSIFICATION_OPTIONS, EVENT_LABELS, SATISFACTION_OPTIONS } from '../labels';
import type { Named } from '../api/types';

type Field = { required?: boolean } & (
  | { name: string; label: string; kind: 'text' | 'textarea' | 'datetime' | 'switch' }
  | { name: string; label: string; kind: 'select'; options: Array<{ value: string; label: string }>; multiple?: boolean });

const required = <T extends Field>(field: T): T => ({ ...field, required: true });

interface Lookups {
  units: Named[];
  deputies: Named[];
}

/** The form each event needs; events without fields are confirmed with one click. */
function fieldsFor(type: string, lookups: Lookups): Field[] {
  const units = lookups.units.map((u) => ({ value: u.id, label: u.name }));
  const deputies = lookups.deputies.map((d) => ({ value: d.id, label: d.name }));
  const reason: Field = { name: 'reason', label: '理由', kind: 'textarea' };
  const modes = [
    { value: 'LEAD_WITH_CO_UNITS', label: '主办 + 协办' },
    { value: 'SEPARATE', label: '分办' },
  ];
  switch (type) {
    case 'INVITE_COSIGNER':
    case 'REMOVE_COSIGNER':
      return [required({ name: 'deputyId', label: '代表', kind: 'select', options: deputies })];
    case 'WITHDRAW':
    case 'REJECT':
    case 'CONVERT_TO_LETTER':
    case 'REQUEST_ADJUSTMENT':
    case 'UNMARK_KEY':
      return [required(reason)];
    case 'MERGE':
      return [{ name: 'targetSuggestionId', label: '并入建议编号（ID）', kind: 'text' }, reason];
    case 'ASSIGN':
    case 'REASSIGN_FOR_REHANDLING':
      return [
        required({ name: 'mode', label: '交办方式', kind: 'select', options: modes }),
        required({ name: 'unitIds', label: '承办单位', kind: 'select', options: units, multiple: true }),
        { name: 'leadUnitId', label: '主办单位', kind: 'select', options: units },
      ];
    case 'DECIDE_ADJUSTMENT':
      return [
        required({ name: 'unitId', label: '申请单位', kind: 'select', options: units }),
        { name: 'approve', label: '同意调整', kind: 'switch' },
        { name: 'newUnitId', label: '调整后的单位', kind: 'select', options: units },
        required(reason),
      ];
    case 'RECORD_CONTACT':
      return [
        required({ name: 'method', label: '沟通方式', kind: 'select', options: [
          { value: 'MEETING', label: '座谈' }, { value: 'VISIT', label: '走访' }, { value: 'PHONE', label: '电话' },
          { value: 'FORUM', label: '会议' }, { value: 'OTHER', label: '其他' },
        ] }),
        required({ name: 'contactedAt', label: '沟通时间', kind: 'datetime' }),
        required({ name: 'participants', label: '参加人员', kind: 'text' }),
        { name: 'notes', label: '沟通情况', kind: 'textarea' },
      ];
    case 'SUBMIT_OPINION':
    case 'FOLLOW_UP_EXPLAIN':
      return [required({ name: 'text', label: '内容', kind: 'textarea' })];
    case 'REQUEST_EXTENSION':
      return [required({ name: 'requestedDueAt', label: '申请延至', kind: 'datetime' }), required(reason)];
    case 'DECIDE_EXTENSION':
      return [
        required({ name: 'unitId', label: '申请单位', kind: 'select', options: units }),
        { name: 'approve', label: '同意延期', kind: 'switch' },
        { name: 'dueAt', label: '延至', kind: 'datetime' },
      ];
    case 'REPLY':
      return [
        required({ name: 'classification', label: '答复类别', kind: 'select', options: CLASSIFICATION_OPTIONS }),
        required({ name: 'text', label: '答复内容', kind: 'textarea' }),
        required({ name: 'signedBy', label: '签发人', kind: 'text' }),
        required({ name: 'contactPerson', label: '联系人', kind: 'text' }),
        required({ name: 'contactPhone', label: '联系电话', kind: 'text' }),
        { name: 'agreesToDisclosure', label: '同意公开', kind: 'switch' },
      ];
    case 'FOLLOW_UP_REPLY':
      return [
        required({ name: 'classification', label: '答复类别', kind: 'select', options: CLASSIFICATION_OPTIONS }),
        required({ name: 'text', label: '答复内容', kind: 'textarea' }),
      ];
    case 'GIVE_FEEDBACK':
      return [
        required({ name: 'handlingWork', label: '对办理工作的评价', kind: 'select', options: SATISFACTION_OPTIONS }),
        required({ name: 'result', label: '对办理结果的评价', kind: 'select', options: SATISFACTION_OPTIONS }),
        { name: 'comment', label: '意见和建议', kind: 'textarea' },
      ];
    case 'DECIDE_DISCLOSURE':
      return [
        required({ name: 'mode', label: '公开方式', kind: 'select', options: [
          { value: 'FULL', label: '全文公开' }, { value: 'SUMMARY', label: '摘要公开' }, { value: 'WITHHELD', label: '不予公开' },
        ] }),
        { name: 'summary', label: '摘要', kind: 'textarea' },
        { name: 'reason', label: '不予公开理由', kind: 'textarea' },
      ];
    default:
      return [];
  }
}

function clean(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => [key, dayjs.isDayjs(value) ? value.toISOString() : value]),
  );
}

/** One button per event the caller may send now; each opens the event's form, and the API's answer is shown in Chinese. */
export function EventActions({ suggestionId, allowed, lookups, onDone }: { suggestionId: string; allowed: string[]; lookups: Lookups; onDone: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const fields = open ? fieldsFor(open, lookups) : [];

  const send = async (type: string, values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await api(`/suggestions/${suggestionId}/events`, { method: 'POST', body: { type, ...clean(values) } });
      message.success(`${EVENT_LABELS[type] ?? type}：已完成`);
      setOpen(null);
      form.resetFields();
      onDone();
    } catch (error) {
      message.error({ content: (error as Error).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  const visible = allowed.filter((type) => type !== 'DEADLINE_PASSED' && type !== 'ABSORB');
  if (visible.length === 0) return <span style={{ color: '#595959' }}>当前没有您可以执行的操作</span>;
  return (
    <>
      <Space wrap>
        {visible.map((type) => (
          <Button key={type} type={['REPLY', 'SUBMIT', 'ACCEPT', 'ASSIGN', 'GIVE_FEEDBACK', 'CLOSE', 'CONFIRM_COSIGN', 'DECIDE_DISCLOSURE'].includes(type) ? 'primary' : 'default'}
            danger={['WITHDRAW', 'REJECT'].includes(type)} onClick={() => setOpen(type)}>
            {EVENT_LABELS[type] ?? type}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? EVENT_LABELS[open] ?? open : ''}
        okText={fields.length ? '提交' : '确认'}
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() => (fields.length ? form.submit() : open && send(open, {}))}
        destroyOnHidden
      >
        {fields.length === 0 ? (
          <p>确认要执行“{open ? EVENT_LABELS[open] : ''}”吗？此操作将记入办理记录，不能撤销。</p>
        ) : (
          <Form form={form} layout="vertical" onFinish={(values) => open && send(open, values)} preserve={false}>
            <p className="muted">提交后将记入办理记录，不能撤销。</p>
            {fields.map((field) => (
              <Form.Item key={field.name} name={field.name} label={field.label} valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
                rules={field.required ? [{ required: true, message: `请填写${field.label}` }] : undefined}
                initialValue={field.kind === 'switch' ? field.name === 'agreesToDisclosure' : field.name === 'contactedAt' ? dayjs() : undefined}>
                {field.kind === 'text' ? <Input /> : null}
                {field.kind === 'textarea' ? <Input.TextArea rows={4} /> : null}
                {field.kind === 'datetime' ? <DatePicker showTime style={{ width: '100%' }} placeholder="选择日期和时间" /> : null}
                {field.kind === 'switch' ? <Switch /> : null}
                {field.kind === 'select' ? (
                  <Select options={field.options} mode={field.multiple ? 'multiple' : undefined} showSearch optionFilterProp="label" allowClear />
                ) : null}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
