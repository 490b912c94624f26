import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { AppConfig, loadConfig, migrateDatabase } from '@app/persistence';
import { DirectoryRepository, toAuthUser, AuthUser } from '@app/accounts';
import { SuggestionService } from '@app/suggestions';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';

export interface BenchSystem {
  config: AppConfig;
  api: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  directory: SeededDirectory;
  service: SuggestionService;
  user(username: string): Promise<AuthUser>;
  close(): Promise<void>;
}

/** A fresh database and a real api listening on a free port; the benchmark drives it over HTTP and in-process. */
export async function startBenchSystem(name: string): Promise<BenchSystem> {
  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const url = `${server}/jianyi_bench_${name}_${Date.now()}`;
  await migrateDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, DEMO_MODE: 'true', QUEUE_PREFIX: `jianyi-bench-${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'error' });
  const api = await NestFactory.create(ApiModule.forRoot(config), { bodyParser: false, logger: ['error'] });
  configureApi(api);
  await api.listen(0, '127.0.0.1');
  const address = api.getHttpServer().address() as { port: number };
  const dataSource = api.get(DataSource);
  const directory = await seedDirectory(dataSource, { code: `bench-${name}`, name: '基准测试县' });
  const repository = api.get(DirectoryRepository);
  return {
    config,
    api,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource,
    directory,
    service: api.get(SuggestionService),
    user: async (username) => toAuthUser((await repository.findUserByUsername({ jurisdictionId: directory.jurisdictionId }, username))!),
    close: async () => {
      await api.close();
      const admin = new DataSource({ type: 'postgres', url: `${server}/postgres` });
      await admin.initialize();
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** The q-quantile (0–1) of sorted latencies. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs `task` from `clients` concurrent loops until `total` calls are done; returns calls per second and latencies (ms, sorted). */
export async function runConcurrently(
  { clients, total }: { clients: number; total: number },
  task: (client: number, call: number) => Promise<void>,
): Promise<{ perSecond: number; seconds: number; p50: number; p99: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let call = next++; call < total; call = next++) {
        const begin = process.hrtime.bigint();
        await task(client, call);
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), latencies };
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  console.table(rows);
}
