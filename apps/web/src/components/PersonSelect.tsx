import { Select } from 'antd';
import type { Person } from '../api/types';
import { useApi } from '../useApi';

/**
 * Chooses people by name among the holders of the given roles (GET /people), instead of typing account ids:
 * leaders of key suggestions, the chair of a vote, the members present, invited deputies.
 */
export function PersonSelect({ roles, multiple, value, onChange, id, placeholder }: {
  roles: string[];
  multiple?: boolean;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const people = usePeople(roles);
  return (
    <Select id={id} value={value} onChange={onChange} mode={multiple ? 'multiple' : undefined} allowClear showSearch optionFilterProp="label"
      loading={people.loading} placeholder={placeholder ?? '输入姓名查找'} status={people.error ? 'error' : undefined}
      notFoundContent={people.error ?? (people.loading ? '正在加载…' : '没有符合条件的人员')}
      options={(people.data ?? []).map((person) => ({ value: person.id, label: person.name }))} />
  );
}

/** Everyone PersonSelect would offer for these roles, e.g. to select all members present at once. */
export function usePeople(roles: string[]) {
  return useApi<Person[]>(`/people?${new URLSearchParams(roles.map((role) => ['role', role]))}`);
}
