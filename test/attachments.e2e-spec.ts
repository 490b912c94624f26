import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrokenLink } from '@app/workflow-engine';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { endOpenDeadlines } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF_NAME = '城东新区公交站点调研报告.pdf';
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

describe('suggestion attachments', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let dataDir: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jianyi-attachments-'));
    system = await startTestSystem({ env: { DATA_DIR: dataDir, ATTACHMENT_MAX_MB: '1' } });
    directory = await seedDirectory(system.dataSource, { code: 'attach', name: '附件县', deputies: 4 });
    as = actorsOf(system, 'attach');
  });

  afterAll(async () => {
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const bearer = async (username: string) => {
    if (!tokens.has(username)) {
      const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: 'attach', username }).expect(200);
      tokens.set(username, `Bearer ${login.body.accessToken}`);
    }
    return tokens.get(username)!;
  };
  const upload = async (username: string, suggestionId: string, content: Buffer, filename: string) =>
    system.http().post(`/api/suggestions/${suggestionId}/attachments`).set('Authorization', await bearer(username)).attach('file', content, { filename });
  const remove = async (username: string, suggestionId: string, attachmentId: string) =>
    system.http().delete(`/api/suggestions/${suggestionId}/attachments/${attachmentId}`).set('Authorization', await bearer(username));
  const download = async (username: string, suggestionId: string, attachmentId: string) =>
    system.http().get(`/api/suggestions/${suggestionId}/attachments/${attachmentId}`).set('Authorization', await bearer(username))
      .buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const fileDraft = async (username = 'deputy001', cosignerIds: string[] = []) => {
    const created = await (await as(username)).post('/api/suggestions', {
      sessionId: directory.sessionId, title: '关于在城东新区增设公交站点的建议', content: '城东新区公交站点少。', category: '环资城建',
      duringSession: true, agreesToDisclosure: true, cosignerIds,
    }).expect(201);
    return created.body.id as string;
  };

  const history = async (suggestionId: string) =>
    (await (await as('office')).get(`/api/suggestions/${suggestionId}`).expect(200)).body.history as Array<{
      seq: number; eventType: string; actorUserId: string; fromState: string | null; toState: string; payload: unknown; at: string; hash: string;
    }>;

  it('keeps a file the lead deputy attaches to a draft, with its UTF-8 name and SHA-256, on the audit chain; readers download it', async () => {
    const id = await fileDraft();
    const added = await upload('deputy001', id, PDF, PDF_NAME);
    expect(added.status).toBe(201);
    const attachment = added.body as Attachment;
    expect(attachment).toEqual(expect.objectContaining({ fileName: PDF_NAME, contentType: 'application/pdf', sizeBytes: PDF.length, sha256: sha256(PDF) }));

    const stored = join(dataDir, 'attachments', directory.jurisdictionId, id, attachment.id);
    expect(sha256(readFileSync(stored))).toBe(sha256(PDF));

    const listed = await (await as('deputy001')).get(`/api/suggestions/${id}/attachments`).expect(200);
    expect(listed.body.map((a: Attachment) => a.fileName)).toEqual([PDF_NAME]);

    const fetched = await download('deputy001', id, attachment.id);
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe('application/pdf');
    expect(fetched.headers['content-disposition']).toBe(`attachment; filename="____________.pdf"; filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`);
    expect((fetched.body as Buffer).equals(PDF)).toBe(true);

    // The draft moves on as usual after its files changed, and the office reads them once it is submitted.
    await (await as('deputy001')).send(id, { type: 'SUBMIT' });
    const events = await history(id);
    expect(events.map((e) => e.eventType)).toEqual(['CREATED', 'ATTACHMENT_ADDED', 'SUBMIT']);
    expect(events[1]).toEqual(expect.objectContaining({ actorUserId: directory.users.deputy001, fromState: 'draft', toState: 'draft' }));
    expect(events[1].payload).toEqual({ attachmentId: attachment.id, fileName: PDF_NAME, sizeBytes: PDF.length, sha256: sha256(PDF) });
    expect(findBrokenLink(chainOf(id, events))).toBe(-1);
    expect((await download('office', id, attachment.id)).status).toBe(200);
  });

  it('refuses a file whose type, content or size is not accepted, with 400 naming the field and the reason', async () => {
    const id = await fileDraft();
    const cases: Array<[Buffer, string, string]> = [
      [PDF, 'setup.exe', 'only pdf, doc, docx, xls, xlsx, jpg, jpeg, png, txt files are accepted'],
      [PNG, '报告.pdf', 'is PNG, not PDF'],
      [Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), '说明.txt', 'is not a valid text file'],
      [Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), '太大.pdf', 'must not be larger than 1 MB'],
    ];
    for (const [content, name, reason] of cases) {
      const refused = await upload('deputy001', id, content, name);
      expect([name, refused.status, refused.body.errors]).toEqual([name, 400, [{ field: 'file', reason: expect.stringContaining(reason) }]]);
    }
    const noFile = await (await as('deputy001')).post(`/api/suggestions/${id}/attachments`, {});
    expect([noFile.status, noFile.body.errors[0].field]).toEqual([400, 'file']);
    // Multer's own refusals (a file under another field name, two files at once) are client errors too, never a 500.
    const url = `/api/suggestions/${id}/attachments`;
    const otherField = await system.http().post(url).set('Authorization', await bearer('deputy001')).attach('document', PDF, { filename: 'a.pdf' });
    const twoFiles = await system.http().post(url).set('Authorization', await bearer('deputy001')).attach('file', PDF, { filename: 'a.pdf' }).attach('file', PDF, { filename: 'b.pdf' });
    expect([otherField.status, twoFiles.status]).toEqual([400, 400]);
    expect((await (await as('deputy001')).get(`/api/suggestions/${id}/attachments`).expect(200)).body).toEqual([]);
    expect((await history(id)).map((e) => e.eventType)).toEqual(['CREATED']);
  });

  it('lets only the lead deputy change the files, only while it is a draft; strangers get 404, the anonymous 401', async () => {
    const id = await fileDraft('deputy001', [directory.deputyIds[1]]);
    const attachment = (await upload('deputy001', id, PDF, '附件.pdf').then((r) => r.body)) as Attachment;

    // The invited co-signer reads the draft and its files but does not change them.
    expect((await (await as('deputy002')).get(`/api/suggestions/${id}/attachments`)).status).toBe(200);
    expect((await upload('deputy002', id, PDF, '我的.pdf')).status).toBe(403);
    expect((await remove('deputy002', id, attachment.id)).status).toBe(403);
    // Another deputy, and another jurisdiction's office, do not learn it exists.
    expect((await (await as('deputy003')).get(`/api/suggestions/${id}/attachments`)).status).toBe(404);
    expect((await download('deputy003', id, attachment.id)).status).toBe(404);
    expect((await upload('deputy003', id, PDF, 'x.pdf')).status).toBe(404);
    await seedDirectory(system.dataSource, { code: 'attach-other', name: '邻县', deputies: 1 });
    const foreign = await actorsOf(system, 'attach-other')('office');
    expect((await foreign.get(`/api/suggestions/${id}/attachments`)).status).toBe(404);
    expect((await system.http().get(`/api/suggestions/${id}/attachments`)).status).toBe(401);
    expect((await (await as('deputy001')).get(`/api/suggestions/${id}/attachments/${directory.deputyIds[0]}`)).status).toBe(404);

    await (await as('deputy002')).send(id, { type: 'CONFIRM_COSIGN' });
    await (await as('deputy001')).send(id, { type: 'SUBMIT' });
    const late = await upload('deputy001', id, PDF, '补充.pdf');
    expect([late.status, late.body.code, late.body.state, late.body.allowed]).toEqual([409, 'ATTACHMENT_LOCKED_CONFLICT', 'review', ['list', 'download']]);
    expect((await remove('deputy001', id, attachment.id)).status).toBe(409);
    expect((await download('deputy002', id, attachment.id)).status).toBe(200);
  });

  it('removes a file from a draft (row, bytes and a removal entry on the chain); two uploads at once both land', async () => {
    const id = await fileDraft();
    const [first, second] = await Promise.all([upload('deputy001', id, PDF, '一.pdf'), upload('deputy001', id, PNG, '二.png')]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const stored = join(dataDir, 'attachments', directory.jurisdictionId, id, first.body.id);
    expect(existsSync(stored)).toBe(true);

    expect((await remove('deputy001', id, first.body.id)).status).toBe(204);
    expect(existsSync(stored)).toBe(false);
    expect((await remove('deputy001', id, first.body.id)).status).toBe(404);
    const listed = await (await as('deputy001')).get(`/api/suggestions/${id}/attachments`).expect(200);
    expect(listed.body.map((a: Attachment) => [a.fileName, a.contentType])).toEqual([['二.png', 'image/png']]);

    const events = await history(id);
    expect(events.map((e) => e.eventType)).toEqual(['CREATED', 'ATTACHMENT_ADDED', 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED']);
    expect(events[3].payload).toEqual({ attachmentId: first.body.id, fileName: '一.pdf', sha256: sha256(PDF) });
    expect(findBrokenLink(chainOf(id, events))).toBe(-1);
  });
});

/** The history as the API shows it, back in the chain's form: each entry's previous hash is the one before it. */
function chainOf(instanceId: string, events: Array<{ seq: number; eventType: string; actorUserId: string; fromState: string | null; toState: string; payload: unknown; at: string; hash: string }>) {
  return events.map(({ seq, eventType, actorUserId, fromState, toState, payload, at, hash }, index) => ({
    instanceId, seq, eventType, actorUserId, fromState, toState, payload, at: new Date(at).toISOString(),
    prevHash: index === 0 ? '0'.repeat(64) : events[index - 1].hash, hash,
  }));
}
