/** Keys that would reach Object.prototype through an assignment; JSON.parse can produce them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  // Compared by shape, not identity: structuredClone and VM contexts (Jest) create objects from another realm's Object.prototype.
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * Deep-merges plain JSON `overrides` onto `base`: objects merge key by key, everything else
 * (arrays included) replaces, and `undefined` keeps the base value. Neither input is modified.
 * Unsafe keys are reported into `errors` with their dotted path instead of being merged.
 */
export function mergeOverrides({
  base,
  overrides,
  path,
  errors,
}: {
  base: unknown;
  overrides: unknown;
  path: string;
  errors: string[];
}): unknown {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (UNSAFE_KEYS.has(key)) {
      errors.push(`${path}.${key} is not a known field`);
      continue;
    }
    merged[key] = mergeOverrides({ base: merged[key], overrides: value, path: `${path}.${key}`, errors });
  }
  return merged;
}
