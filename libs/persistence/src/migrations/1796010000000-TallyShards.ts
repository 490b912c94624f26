import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shards a migration adds beside an existing counter row (TALLY_SHARDS when it was written). */
const SHARDS = 32;

/** A random offset in ±2^24 for a counter of a shard added here, so that new shards do not start at a telling zero. */
const MASK = `(floor(random() * 33554433) - 16777216)::int`;

interface Tally {
  table: string;
  keys: string[];
  counters: string[];
  oldPk: string;
  newPk: string;
}

const TALLIES: Tally[] = [
  { table: 'vote_tallies', keys: ['vote_item_id'], counters: ['satisfied', 'basically_satisfied', 'unsatisfied'], oldPk: 'PK_98f734b9bf8a77f199dc110643d', newPk: 'PK_a478f086e8e84e8adbaf926d5ea' },
  { table: 'livelihood_ballot_tallies', keys: ['vote_id', 'round', 'candidate_id'], counters: ['approvals'], oldPk: 'PK_70afc6f2cb8f4df200877453de7', newPk: 'PK_d09cc08233dbb2508f7d685699e' },
];

/**
 * Counter shards: each tallied item or candidate gets several counter rows, summed for the result, so a burst of
 * ballots no longer queues on one row lock. The row an open vote already has becomes shard 0; the added shards
 * start at random offsets that shard 0 takes back, so the sum stays exact (see tally-shard.util.ts on secrecy).
 */
export class TallyShards1796010000000 implements MigrationInterface {
  name = 'TallyShards1796010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, keys, counters, oldPk, newPk } of TALLIES) {
      const others = (await queryRunner.query(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table]))
        .map((c: { name: string }) => c.name)
        .filter((name: string) => !counters.includes(name));
      await queryRunner.query(`ALTER TABLE "${table}" ADD "shard" integer NOT NULL DEFAULT 0`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "shard" DROP DEFAULT`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${oldPk}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${newPk}" PRIMARY KEY (${[...keys, 'shard'].map((k) => `"${k}"`).join(', ')})`);
      await queryRunner.query(
        `INSERT INTO "${table}" (${[...others, 'shard', ...counters].join(', ')})
         SELECT ${others.map((c: string) => `t.${c}`).join(', ')}, s, ${counters.map(() => MASK).join(', ')} FROM "${table}" t CROSS JOIN generate_series(1, ${SHARDS - 1}) s`,
      );
      await queryRunner.query(
        `UPDATE "${table}" t SET ${counters.map((c) => `${c} = t.${c} - o.${c}`).join(', ')}
           FROM (SELECT ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::int AS ${c}`).join(', ')} FROM "${table}" WHERE shard > 0 GROUP BY ${keys.join(', ')}) o
          WHERE ${keys.map((k) => `t.${k} = o.${k}`).join(' AND ')} AND t.shard = 0`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, keys, counters, oldPk, newPk } of TALLIES) {
      await queryRunner.query(
        `UPDATE "${table}" t SET ${counters.map((c) => `${c} = o.${c}`).join(', ')}
           FROM (SELECT ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::int AS ${c}`).join(', ')} FROM "${table}" GROUP BY ${keys.join(', ')}) o
          WHERE ${keys.map((k) => `t.${k} = o.${k}`).join(' AND ')} AND t.shard = 0`,
      );
      await queryRunner.query(`DELETE FROM "${table}" WHERE shard > 0`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${newPk}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${oldPk}" PRIMARY KEY (${keys.map((k) => `"${k}"`).join(', ')})`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "shard"`);
    }
  }
}
