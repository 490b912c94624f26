import { randomUUID } from 'node:crypto';
import { DEFAULT_REDIS_URL, JobName, loadConfig, QueueName, queueSchemaFor, QueueService, resolveQueueBackend } from '@app/persistence';
import { seedDirectory } from '../scripts/demo/seed-directory';
import { endOpenDeadlines } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

const CODE = 'operations';

describe('operations: health, request ids, dashboard, CORS', () => {
  let system: TestSystem;
  let jurisdictionId: string;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    jurisdictionId = (await seedDirectory(system.dataSource, { code: CODE, name: '运维县', deputies: 3 })).jurisdictionId;
  });

  afterAll(async () => {
    await endOpenDeadlines(system, jurisdictionId);
    await system.close();
  });

  it('answers liveness and readiness with each check named', async () => {
    await system.http().get('/api/health/live').expect(200, { status: 'ok' });
    const ready = await system.http().get('/api/health').expect(200);
    expect(ready.body).toEqual({ status: 'ok', queueBackend: 'redis', checks: { postgres: 'up', queue: 'up', migrations: 'up', draining: false } });
  });

  it('carries the request id from the HTTP request into the jobs it schedules', async () => {
    const deputy = 'deputy001';
    const requestId = `req-${Date.now()}`;
    const created = await system.http().post('/api/suggestions').set('Authorization', (await bearer(deputy))).set('x-request-id', requestId)
      .send({ sessionId: (await sessionId()), title: '关于请求编号的建议', content: '内容。', category: '其他', duringSession: true, agreesToDisclosure: true });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    const submitted = await system.http().post(`/api/suggestions/${created.body.id}/events`).set('Authorization', await bearer(deputy))
      .set('x-request-id', requestId).send({ type: 'SUBMIT' });
    expect(submitted.status).toBe(200);
    // The worker is off here, so the delivery job waits in the queue with the id in its payload.
    const queue = system.worker.get(QueueService).queue(QueueName.NOTIFICATIONS);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    const mine = jobs.filter((job) => job.name === JobName.DELIVER_OUTBOX && job.data.requestId === requestId);
    expect(mine.length).toBeGreaterThan(0);
    // An id a client cannot be trusted with is replaced.
    const odd = await system.http().get('/api/health/live').set('x-request-id', 'bad id with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the queue dashboard for administrators', async () => {
    await system.http().get('/api/admin/queues').expect(401);
    const office = 'office';
    await system.http().get('/api/admin/queues/api/queues').set('Authorization', await bearer(office)).expect(403);
    const admin = 'admin';
    const queues = await system.http().get('/api/admin/queues/api/queues').set('Authorization', await bearer(admin)).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['deadlines', 'maintenance', 'notifications']);
    const token = (await bearer(admin)).slice('Bearer '.length);
    const page = await system.http().get(`/api/admin/queues?token=${token}`).expect(200);
    expect(page.text).toContain('<html');
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly/);
  });

  it('sends security headers, keeps CORS closed by default and limits body size', async () => {
    const answer = await system.http().get('/api/health/live').set('Origin', 'https://evil.example.com');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    const huge = await system.http().post('/api/auth/demo-login').set('content-type', 'application/json').send(`{"x":"${'a'.repeat(3_000_000)}"}`);
    expect(huge.status).toBe(413);
  });

  it('chooses the queue backend in one place', async () => {
    const closed = 'redis://127.0.0.1:1';
    const base = { DATABASE_URL: 'postgres://x@h/db', QUEUE_BACKEND: 'auto' as const };
    expect((await resolveQueueBackend({ ...base, REDIS_URL: 'redis://r:6379' }, closed)).kind).toBe('redis');
    expect((await resolveQueueBackend(base, closed)).kind).toBe('postgres');
    expect((await resolveQueueBackend(base, 'redis://127.0.0.1:6379')).kind).toBe('redis');
    expect((await resolveQueueBackend({ ...base, QUEUE_BACKEND: 'postgres', REDIS_URL: 'redis://r:6379' }, closed)).kind).toBe('postgres');
  });

  it('keeps every queue key under a hash-tagged QUEUE_PREFIX, as BullMQ needs on Redis Cluster', async () => {
    const tag = `jianyi-ops-${randomUUID().slice(0, 8)}`;
    const config = loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused', QUEUE_PREFIX: `{${tag}}` });
    const queues = new QueueService(config, { kind: 'redis', redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS_URL, reason: 'test' });
    const ran: string[] = [];
    const worker = queues.createWorker(QueueName.MAINTENANCE, async (job) => void ran.push(job.name), { concurrency: 1, lockDuration: 5000, stalledInterval: 5000 });
    try {
      await queues.enqueue({ name: JobName.RECONCILE, data: {}, jobId: 'tagged-now' });
      await queues.enqueue({ name: JobName.RECONCILE, data: {}, jobId: 'tagged-later', delayMs: 3_600_000 });
      await queues.queue(QueueName.MAINTENANCE).upsertJobScheduler('tagged-periodically', { every: 3_600_000 }, { name: JobName.SWEEP_NOTIFICATIONS, data: {} });
      for (let wait = 0; ran.length < 2 && wait < 200; wait++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(ran.sort()).toEqual([JobName.RECONCILE, JobName.SWEEP_NOTIFICATIONS]);
      const keys = await queues.connection.keys(`*${tag}*`);
      expect(keys.length).toBeGreaterThan(5);
      // Redis Cluster hashes only what is inside the first {…}: one tag for every key, so one slot for every script.
      expect(keys.filter((key) => key.match(/\{([^}]*)\}/)?.[1] !== tag)).toEqual([]);
      expect(queueSchemaFor(`{${tag}}`)).toBe(`bullmq__${tag.replace(/-/g, '_')}_`);
    } finally {
      await worker.close();
      await queues.queue(QueueName.MAINTENANCE).obliterate({ force: true });
      await queues.onModuleDestroy();
    }
  });

  async function bearer(username: string): Promise<string> {
    const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: CODE, username }).expect(200);
    return `Bearer ${login.body.accessToken}`;
  }

  async function sessionId(): Promise<string> {
    const rows: Array<{ id: string }> = await system.dataSource.query(`SELECT id FROM congress_sessions WHERE jurisdiction_id = $1 LIMIT 1`, [jurisdictionId]);
    return rows[0].id;
  }
});

