import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { startBenchSystem, printTable } from './support/bench-system';
import { benchEventThroughput } from './event-throughput.bench';
import { benchBatchAssignment } from './batch-assignment.bench';
import { benchReminderStorm } from './reminder-storm.bench';
import { benchMemory } from './memory.bench';

/** `npm run bench [name …]`: runs the benchmarks, prints each table and writes bench/results/<date>.json. */
async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const wanted = (name: string) => only.size === 0 || only.has(name);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  };
  if (wanted('events')) {
    const system = await startBenchSystem('events');
    try {
      results.eventThroughput = await benchEventThroughput(system, Number(process.env.BENCH_EVENTS ?? 2000));
      printTable('1. Event throughput (16 clients, distinct suggestions) — engine vs raw SQL doing the same writes', [results.eventThroughput as Record<string, number>]);
    } finally {
      await system.close();
    }
  }
  if (wanted('batch')) {
    const system = await startBenchSystem('batch');
    try {
      results.batchAssignment = await benchBatchAssignment(system, Number(process.env.BENCH_BATCH ?? 10000));
      printTable('2. Batch assignment in one request — engine vs raw bulk SQL of the same rows', [results.batchAssignment as Record<string, number>]);
    } finally {
      await system.close();
    }
  }
  if (wanted('storm')) {
    const system = await startBenchSystem('storm');
    try {
      results.reminderStorm = await benchReminderStorm(system, Number(process.env.BENCH_STORM ?? 100000));
      printTable('3. Reminder storm: deadlines due at one instant — real job handlers vs BullMQ no-op jobs', [results.reminderStorm as Record<string, number>]);
    } finally {
      await system.close();
    }
  }
  if (wanted('memory')) {
    const system = await startBenchSystem('memory');
    try {
      results.memory = await benchMemory(system, Number(process.env.BENCH_EVENTS ?? 2000));
      printTable('6. Memory (RSS, MB) of the api and worker processes, idle and under benchmark 1', [results.memory as Record<string, number>]);
    } finally {
      await system.close();
    }
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${results.date as string}.json`.replace(/:/g, '-'));
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nResults written to ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
