import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  raw: string;
}

/** A local SMTP server that keeps every message it accepts. */
export async function startSmtpStandIn(): Promise<{ url: string; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        // Long headers (the Message-ID) are folded over several lines.
        const unfolded = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const header = (name: string) => unfolded.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1]?.trim() ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId: header('Message-ID'), subject: header('Subject'), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server.server.address() as AddressInfo);
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedSms {
  phone: string;
  outId: string;
  templateId: string;
  params: Record<string, string>;
  authorization: string;
}

/** A local HTTP server in the shape of a Chinese SMS gateway; numbers in `failFor` always get a 500. */
export async function startSmsStandIn({ failFor = [] as string[] } = {}): Promise<{ url: string; received: ReceivedSms[]; rejected: string[]; close: () => Promise<void> }> {
  const received: ReceivedSms[] = [];
  const rejected: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (failFor.includes(body.phoneNumbers)) {
        rejected.push(body.outId);
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发流控' }));
        return;
      }
      received.push({ phone: body.phoneNumbers, outId: body.outId, templateId: body.templateId, params: body.templateParams, authorization: request.headers.authorization ?? '' });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'OK', requestId: `req-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms/send`, received, rejected, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Counts per key: every key seen, and how often. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
