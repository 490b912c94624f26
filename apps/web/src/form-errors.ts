import type { FormInstance } from 'antd';
import { ApiError } from './api/client';
import { reasonInWords } from './oversight-labels';

export type FieldPath = Array<string | number>;

/** The API's field path (`items[1].content`, as libs/persistence's toFieldErrors writes it) as an antd name path. */
export function toNamePath(field: string): FieldPath {
  return field.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the field errors of a 400 answer under the form's inputs, in words. `locate` says which inputs show an error
 * (none: the error has no input of its own). Returns the text of what no input shows, or null when every error found
 * its input.
 */
export function showFieldErrors(form: FormInstance, error: unknown, locate: (field: string, reason: string) => FieldPath[]): string | null {
  if (!(error instanceof ApiError) || !error.body.errors?.length) return (error as Error).message;
  const shown = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const { field, reason } of error.body.errors) {
    const names = locate(field, reason);
    if (names.length === 0) unplaced.push(`${field} ${reasonInWords(reason)}`);
    for (const name of names) {
      const key = JSON.stringify(name);
      shown.set(key, { name, errors: [...(shown.get(key)?.errors ?? []), reasonInWords(reason)] });
    }
  }
  form.setFields([...shown.values()]);
  return unplaced.length ? `提交的内容有误：${unplaced.join('；')}` : null;
}
