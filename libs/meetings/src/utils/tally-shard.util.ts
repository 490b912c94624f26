import { randomInt } from 'node:crypto';

/**
 * Counter rows per tallied thing (a vote item, a livelihood candidate). Every ballot on it would otherwise update one
 * row, so a burst of voters queued on that row lock, each waiting for the previous commit; with shards they mostly
 * commit side by side. The result is the sum over the shards. Raising it needs a migration that gives the counters
 * of open votes the new shards (as TallyShards1796010000000 did); until then a ballot drawing one fails whole.
 */
export const TALLY_SHARDS = 32;

/** Mask offsets are drawn from ±2^24: far wider than any count, and the last shard's (minus the others' sum) fits an int. */
const MASK_BOUND = 2 ** 24;

/**
 * Secrecy of sharded counters. A ballot writes its receipts (who) and its counter shards (what) in one transaction,
 * so every row it wrote carries the same xmin, and an updated row moves to a new ctid near the heap's end: the
 * current version of a shard names its last writer. With one row per item that told nothing (its counts mixed every
 * ballot), but a shard holding a handful of ballots, or one, would give that writer's choice away. Hence:
 * - the shard is drawn at random for each ballot (never from the voter, their id or the time), so which shard a
 *   ballot landed in says nothing about who cast it. One shard for all things on a paper: two papers of many items
 *   then wait for each other only when they drew the same shard, not when any one of their items did;
 * - every shard starts at random offsets that sum to zero over the thing's shards and are kept nowhere else, so one
 *   shard's counters say nothing and only the sum (the total, known anyway at CLOSE) means something;
 * - a ballot updates a shard of every thing it votes on whatever the choice (a choice is a column or an amount,
 *   never which rows were written), so the set of rows carrying its xmin says only which things it voted on, which
 *   its receipts say already.
 * As before, the counters are deleted at CLOSE so no row holding choices outlives the vote with a voter's xmin.
 * What stays open, as with one row: someone reading the tables during the vote more than once (e.g. at OPEN, which
 * shows the offsets, and later) sees counters move, and dead row versions in the data files hold each step of a
 * counter until vacuum. Reading the database while a vote is open is for its operators only.
 */
export function randomShard(): number {
  return randomInt(TALLY_SHARDS);
}

/** Random offsets for one counter over the shards of one thing: uniform, except the last, which makes the sum zero. */
export function zeroSumMasks(shards: number = TALLY_SHARDS): number[] {
  const masks = Array.from({ length: shards - 1 }, () => randomInt(-MASK_BOUND, MASK_BOUND + 1));
  return [...masks, -masks.reduce((sum, mask) => sum + mask, 0)];
}

/** The initial counter rows of each thing: one per shard, each counter masked by zero-sum offsets. */
export function maskedShardRows(keys: string[], counters: number): { keys: string[]; shards: number[]; counters: number[][] } {
  const rows = { keys: [] as string[], shards: [] as number[], counters: Array.from({ length: counters }, () => [] as number[]) };
  for (const key of keys) {
    const masks = rows.counters.map(() => zeroSumMasks());
    for (let shard = 0; shard < TALLY_SHARDS; shard++) {
      rows.keys.push(key);
      rows.shards.push(shard);
      masks.forEach((mask, counter) => rows.counters[counter].push(mask[shard]));
    }
  }
  return rows;
}

/** Where a ballot's counter shards live: the table, its key column (uuid) and its counters. */
export interface ShardedTally {
  table: string;
  key: string;
  counters: string[];
}

/** CTE `ballot`: one row per key, unnested from the parameters `shardedBallotParams` lists, `$first` on. */
export function ballotCte(tally: ShardedTally, first: number): string {
  const arrays = [`$${first}::uuid[]`, `$${first + 1}::int[]`, ...tally.counters.map((_, i) => `$${first + 2 + i}::int[]`)];
  return `ballot AS MATERIALIZED (SELECT * FROM unnest(${arrays.join(', ')}) AS b(${[tally.key, 'shard', ...tally.counters].join(', ')}))`;
}

/**
 * CTEs `locked` and `counted` that add the `ballot` to one shard per key, where `condition` holds (on `t`, e.g. the
 * round, or a guard that lets the ballot count): `locked` takes the shards' row locks in key and shard order, so
 * concurrent ballots on many keys never deadlock; `counted` adds the amounts and returns one row per shard.
 */
export function addToShardsCtes(tally: ShardedTally, condition = 'true'): string {
  const { table, key, counters } = tally;
  return `locked AS MATERIALIZED (
      SELECT t.${key}, t.shard FROM ${table} t JOIN ballot b USING (${key}, shard) WHERE ${condition}
       ORDER BY t.${key}, t.shard FOR UPDATE OF t),
    counted AS (
      UPDATE ${table} t SET ${counters.map((c) => `${c} = t.${c} + b.${c}`).join(', ')}
        FROM ballot b JOIN locked l USING (${key}, shard)
       WHERE t.${key} = b.${key} AND t.shard = b.shard AND ${condition} RETURNING 1)`;
}

/** The parameters `ballotCte` reads: the keys, the ballot's random shard for each, and the amount for each counter. */
export function shardedBallotParams(tally: ShardedTally, entries: Array<{ key: string; amounts: number[] }>): unknown[] {
  const shard = randomShard();
  const amounts = tally.counters.map((_, i) => entries.map((e) => e.amounts[i]));
  return [entries.map((e) => e.key), entries.map(() => shard), ...amounts];
}
