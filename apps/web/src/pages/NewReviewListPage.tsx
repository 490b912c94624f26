import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Named } from '../api/types';
import { showFieldErrors, toNamePath, type FieldPath } from '../form-errors';
import { useApi } from '../useApi';

interface ReviewItemDraft {
  content: string;
  unitId: string;
}

interface ReviewListDraft {
  title: string;
  sourceReport: string;
  meetingName: string;
  reportingUnitId: string;
  items: ReviewItemDraft[];
}

/** The bounds of CreateReviewListDto (libs/review-opinions), checked here first so most mistakes need no round trip. */
const MAX_ITEMS = 200;
const TOP_FIELDS = ['title', 'sourceReport', 'meetingName', 'reportingUnitId'];

const required = (what: string) => ({ required: true, whitespace: true, message: `请填写${what}` });
const chosen = (what: string) => ({ required: true, message: `请选择${what}` });
const atMost = (max: number) => ({ max, message: `不能超过 ${max} 个字` });

/**
 * Where an error of the API shows: a field of the form by its path; an unknown unit (`items.unitId`, its reason naming
 * the unit ids) under every item that chose one of them.
 */
function locateError(draft: ReviewListDraft) {
  return (field: string, reason: string): FieldPath[] => {
    if (field === 'items.unitId') {
      return draft.items.flatMap((item, index) => (item?.unitId && reason.includes(item.unitId) ? [['items', index, 'unitId']] : []));
    }
    const path = toNamePath(field);
    const known = TOP_FIELDS.includes(String(path[0])) || (path[0] === 'items' && typeof path[1] === 'number' && path.length === 3);
    return known ? [path] : [];
  };
}

/** The office turns the review opinions a standing-committee meeting adopted into a list, one unit per opinion. */
export function NewReviewListPage() {
  const navigate = useNavigate();
  const [form] = Form.useForm<ReviewListDraft>();
  const units = useApi<Named[]>('/units');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitOptions = (units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  const unitSelect = <Select options={unitOptions} loading={units.loading} showSearch optionFilterProp="label" placeholder="输入名称查找单位" />;

  const submit = async (draft: ReviewListDraft) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ id: string }>('/review-opinion-lists', { method: 'POST', body: draft });
      navigate(`/review-opinion-lists/${created.id}`);
    } catch (failure) {
      setError(showFieldErrors(form, failure, locateError(draft)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }}>
      <Link to="/review-opinion-lists">← 返回清单列表</Link>
      <Card title={<Typography.Title level={2} className="page-title">新建审议意见清单</Typography.Title>}>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        {units.error ? <Alert type="error" showIcon title={`单位列表加载失败：${units.error}`} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ items: [{}] }} scrollToFirstError>
          <Form.Item name="title" label="清单名称" rules={[required('清单名称'), atMost(200)]}>
            <Input placeholder="如：关于全县安全生产工作情况报告的审议意见清单" />
          </Form.Item>
          <Form.Item name="sourceReport" label="审议的报告" rules={[required('审议的报告'), atMost(500)]}>
            <Input placeholder="常委会会议审议的报告名称" />
          </Form.Item>
          <div className="form-two-columns">
            <Form.Item name="meetingName" label="常委会会议" rules={[required('常委会会议'), atMost(200)]}>
              <Input placeholder="如：县十八届人大常委会第二十一次会议" />
            </Form.Item>
            <Form.Item name="reportingUnitId" label="书面报告单位" rules={[chosen('书面报告单位')]} extra="全部意见办结后向常委会书面报告的单位（通常为县人民政府）">
              {unitSelect}
            </Form.Item>
          </div>
          <Form.List name="items" rules={[{ validator: async (_, items?: unknown[]) => { if (!items?.length) throw new Error('至少需要一条审议意见'); } }]}>
            {(fields, { add, remove }, { errors }) => (
              <Card type="inner" size="small" title={`审议意见（${fields.length} 条）`} className="review-items">
                {fields.map((field, index) => (
                  <div key={field.key} className="review-item-row" data-testid={`review-item-${index + 1}`}>
                    <span className="review-item-number">{index + 1}.</span>
                    <Form.Item name={[field.name, 'content']} label={`第 ${index + 1} 条意见`} rules={[required('意见内容'), atMost(4000)]} className="review-item-content">
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="常委会组成人员的审议意见" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unitId']} label={`第 ${index + 1} 条承办单位`} rules={[chosen('承办单位')]} className="review-item-unit">
                      {unitSelect}
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 条`} disabled={fields.length === 1}
                      onClick={() => remove(field.name)} className="review-item-remove" />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} block disabled={fields.length >= MAX_ITEMS} onClick={() => add({})}>
                  {fields.length >= MAX_ITEMS ? `每份清单最多 ${MAX_ITEMS} 条` : '添加一条意见'}
                </Button>
              </Card>
            )}
          </Form.List>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={busy}>保存清单</Button>
            <Button onClick={() => navigate('/review-opinion-lists')}>取消</Button>
          </Space>
          <p className="muted" style={{ marginTop: 8 }}>保存后清单为“待交办”状态，可在清单页面统一交办。</p>
        </Form>
      </Card>
    </Space>
  );
}
