import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Space, Tag, Tooltip, message } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import type { AgendaItem, CouncilMeeting } from '../api/types';
import { AGENDA_STATUS_LABELS } from '../labels';

const itemLabel = (item: AgendaItem) => `${item.number ? `第${item.number}号 ` : ''}${item.title}`;

/**
 * Puts a meeting's agenda in a new order before it is heard: drag a row, or use its 上移/下移 buttons, or focus a
 * row and press Alt+↑/Alt+↓. Each move is announced to screen readers; nothing changes until 保存顺序.
 */
export function AgendaOrderEditor({ meetingId, agenda, onSaved, onCancel }: {
  meetingId: string; agenda: AgendaItem[]; onSaved: (meeting: CouncilMeeting) => void; onCancel: () => void;
}) {
  const [order, setOrder] = useState(agenda);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const rows = useRef<Array<HTMLLIElement | null>>([]);
  const changed = order.some((item, index) => item.id !== agenda[index]?.id);

  useEffect(() => {
    if (focusAt !== null) rows.current[focusAt]?.focus();
  }, [focusAt, order]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    setOrder(next);
    setFocusAt(to);
    setAnnouncement(`“${itemLabel(item)}”已移到第 ${to + 1} 位，共 ${next.length} 项`);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp') move(index, index - 1);
    else if (event.key === 'ArrowDown') move(index, index + 1);
    else return;
    event.preventDefault();
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api<CouncilMeeting>(`/council-meetings/${meetingId}/agenda/order`, { method: 'PUT', body: { itemIds: order.map((item) => item.id) } });
      message.success('议程顺序已保存');
      onSaved(saved);
    } catch (failure) {
      message.error((failure as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title="拖动各项，或用“上移”“下移”按钮调整听取顺序；也可用 Tab 键选中一项，再按 Alt+↑ / Alt+↓ 移动。保存后生效。" />
      <ol className="agenda-order" aria-label="议程顺序">
        {order.map((item, index) => (
          <li key={item.id} ref={(element) => { rows.current[index] = element; }} tabIndex={0} draggable
            className={`agenda-order-row${dragged === index ? ' dragging' : ''}`}
            aria-label={`第 ${index + 1} 项：${itemLabel(item)}`}
            onKeyDown={onKeyDown(index)}
            onDragStart={(event) => { setDragged(index); event.dataTransfer.effectAllowed = 'move'; event.dataTransfer.setData('text/plain', item.id); }}
            onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; }}
            onDrop={(event) => { event.preventDefault(); if (dragged !== null) move(dragged, index); setDragged(null); }}
            onDragEnd={() => setDragged(null)}>
            <HolderOutlined className="agenda-order-handle" aria-hidden />
            <span className="agenda-order-position">{index + 1}</span>
            <span className="agenda-order-title">{itemLabel(item)}</span>
            {item.status !== 'PENDING' ? <Tag>{AGENDA_STATUS_LABELS[item.status] ?? item.status}</Tag> : null}
            <Space size={4} className="agenda-order-buttons">
              <Tooltip title="上移">
                <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`上移 ${itemLabel(item)}`} />
              </Tooltip>
              <Tooltip title="下移">
                <Button size="small" icon={<ArrowDownOutlined />} disabled={index === order.length - 1} onClick={() => move(index, index + 1)} aria-label={`下移 ${itemLabel(item)}`} />
              </Tooltip>
            </Space>
          </li>
        ))}
      </ol>
      <div aria-live="polite" className="sr-only">{announcement}</div>
      <Space wrap>
        <Button type="primary" onClick={save} loading={saving} disabled={!changed}>保存顺序</Button>
        <Button onClick={onCancel}>取消</Button>
        {changed ? <span className="muted">顺序已改动，尚未保存</span> : null}
      </Space>
    </Space>
  );
}
