/**
 * Whether a parsed JSON value nests arrays and objects deeper than `max` levels (the top-level object is level 1).
 * Iterative, so a hostile body cannot overflow the stack here, as it does in class-transformer's recursion.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return false;
}
