import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { BenchSystem, startBenchSystem, printTable } from './support/bench-system';
import { benchEventThroughput } from './event-throughput.bench';
import { benchBatchAssignment } from './batch-assignment.bench';
import { benchReminderStorm } from './reminder-storm.bench';
import { benchVoteBurst } from './vote-burst.bench';
import { benchPublicSearch } from './public-search.bench';
import { benchMemory } from './memory.bench';

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

interface Benchmark {
  name: string;
  key: string;
  title: string;
  run(system: BenchSystem): Promise<object | object[]>;
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'events', key: 'eventThroughput',
    title: '1. Event throughput (16 clients, distinct suggestions) — engine vs raw SQL doing the same writes',
    run: (system) => benchEventThroughput(system, size('BENCH_EVENTS', 2000)),
  },
  {
    name: 'batch', key: 'batchAssignment',
    title: '2. Batch assignment in one request — engine vs raw bulk SQL of the same rows',
    run: (system) => benchBatchAssignment(system, size('BENCH_BATCH', 10000)),
  },
  {
    name: 'storm', key: 'reminderStorm',
    title: '3. Reminder storm: deadlines due at one instant — real job handlers vs BullMQ no-op jobs',
    run: (system) => benchReminderStorm(system, size('BENCH_STORM', 100000)),
  },
  {
    name: 'votes', key: 'voteBurst',
    title: '4. Vote burst: 60 voters × 30 items at once — ballot latency over HTTP vs raw SQL of the same statements; tally exact',
    run: (system) => benchVoteBurst(system, size('BENCH_VOTE_ROUNDS', 5)),
  },
  {
    name: 'search', key: 'publicSearch',
    title: '5. Public search: Chinese queries over disclosed suggestions — api vs the bare SQL query (8 clients)',
    run: (system) => benchPublicSearch(system, size('BENCH_SEARCH_DOCS', 100000), size('BENCH_SEARCH_REQUESTS', 400)),
  },
  {
    name: 'memory', key: 'memory',
    title: '6. Memory (RSS, MB) of the api and worker processes, idle and under benchmark 1',
    run: (system) => benchMemory(system, size('BENCH_EVENTS', 2000)),
  },
];

/** `npm run bench [events|batch|storm|votes|search|memory …]`: runs the benchmarks, prints each table and writes bench/results/<date>.json. */
async function main(): Promise<void> {
  const only = new Set(process.argv.slice(2));
  const unknown = [...only].filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average at start ${loadavg()[0].toFixed(1)}`,
  };
  for (const benchmark of BENCHMARKS.filter((b) => only.size === 0 || only.has(b.name))) {
    const system = await startBenchSystem(benchmark.name);
    try {
      const result = await benchmark.run(system);
      results[benchmark.key] = result;
      printTable(benchmark.title, (Array.isArray(result) ? result : [result]) as Array<Record<string, string | number>>);
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
