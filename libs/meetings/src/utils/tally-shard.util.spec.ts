import { addToShardsCtes, ballotCte, maskedShardRows, randomShard, shardedBallotParams, TALLY_SHARDS, zeroSumMasks } from './tally-shard.util';

describe('tally-shard util', () => {
  describe('zeroSumMasks', () => {
    it('gives one offset per shard, summing to zero, within a 32-bit int', () => {
      for (let run = 0; run < 50; run++) {
        const masks = zeroSumMasks();
        expect(masks).toHaveLength(TALLY_SHARDS);
        expect(masks.reduce((sum, mask) => sum + mask, 0)).toBe(0);
        for (const mask of masks) expect(Math.abs(mask)).toBeLessThan(2 ** 31 - 1000);
      }
    });

    it('differs from draw to draw, so no shard starts at a known value', () => {
      expect(zeroSumMasks()).not.toEqual(zeroSumMasks());
    });
  });

  describe('maskedShardRows', () => {
    it('gives every key each shard once, every counter summing to zero over a key', () => {
      const rows = maskedShardRows(['a', 'b'], 3);
      expect(rows.keys).toEqual([...Array(TALLY_SHARDS).fill('a'), ...Array(TALLY_SHARDS).fill('b')]);
      expect(rows.shards).toEqual([...Array(2)].flatMap(() => Array.from({ length: TALLY_SHARDS }, (_, shard) => shard)));
      expect(rows.counters).toHaveLength(3);
      for (const counter of rows.counters) {
        expect(counter).toHaveLength(2 * TALLY_SHARDS);
        expect(counter.slice(0, TALLY_SHARDS).reduce((s, v) => s + v, 0)).toBe(0);
        expect(counter.slice(TALLY_SHARDS).reduce((s, v) => s + v, 0)).toBe(0);
      }
    });
  });

  describe('randomShard', () => {
    it('draws every shard and nothing else', () => {
      const seen = new Set(Array.from({ length: 2000 }, () => randomShard()));
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: TALLY_SHARDS }, (_, shard) => shard));
    });
  });

  describe('shardedBallotParams', () => {
    it('lists keys, the ballot\'s one shard for each, then one array per counter', () => {
      const tally = { table: 'vote_tallies', key: 'vote_item_id', counters: ['x', 'y'] };
      const [keys, shards, x, y, ...rest] = shardedBallotParams(tally, [{ key: 'k1', amounts: [1, 0] }, { key: 'k2', amounts: [0, 1] }]);
      expect({ keys, x, y, rest }).toEqual({ keys: ['k1', 'k2'], x: [1, 0], y: [0, 1], rest: [] });
      expect(shards).toEqual([expect.any(Number), (shards as number[])[0]]);
    });
  });

  describe('ballotCte', () => {
    it('unnests keys, shards and one array per counter from the given parameter on', () => {
      expect(ballotCte({ table: 'vote_tallies', key: 'vote_item_id', counters: ['satisfied'] }, 3)).toBe(
        'ballot AS MATERIALIZED (SELECT * FROM unnest($3::uuid[], $4::int[], $5::int[]) AS b(vote_item_id, shard, satisfied))',
      );
    });
  });

  describe('addToShardsCtes', () => {
    it('locks the shards in key and shard order before adding to them, both under the condition', () => {
      const sql = addToShardsCtes({ table: 'vote_tallies', key: 'vote_item_id', counters: ['satisfied'] }, 't.round = $9');
      expect(sql).toContain('ORDER BY t.vote_item_id, t.shard FOR UPDATE OF t');
      expect(sql).toContain('SET satisfied = t.satisfied + b.satisfied');
      expect(sql.match(/t\.round = \$9/g)).toHaveLength(2);
    });
  });
});
