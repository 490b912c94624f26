import { AutoComplete } from 'antd';

export interface Leader {
  id: string;
  name: string;
}

/**
 * Picks a leader's user account. The API gives the office no list of leaders (only administrators list users),
 * so the choices are the leaders already named on key suggestions, and any other account id can be typed.
 */
export function LeaderPicker({ leaders, value, onChange, id }: { leaders: Leader[]; value?: string; onChange?: (value: string) => void; id?: string }) {
  return (
    <AutoComplete id={id} value={value} onChange={onChange} allowClear placeholder="选择领导，或输入其账号编号"
      options={leaders.map((leader) => ({ value: leader.id, label: leader.name }))}
      filterOption={(input, option) => String(option?.label ?? '').includes(input) || String(option?.value ?? '').startsWith(input)} />
  );
}
