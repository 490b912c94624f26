import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  raw: string;
}

export interface StandInOptions {
  /** How long the answer is held after the message has arrived (a slow provider, or a sender killed in between). */
  delayMs?: number;
  /** Drop a message whose key (Message-ID, outId) arrived before, as a provider that de-duplicates does; kept in `repeats`. */
  dedupe?: boolean;
}

/** A local SMTP server that keeps every message it accepts. */
export async function startSmtpStandIn({ delayMs = 0, dedupe = false }: StandInOptions = {}): Promise<{
  url: string; received: ReceivedMail[]; repeats: ReceivedMail[]; held: () => HeldMessage[]; close: () => Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const repeats: ReceivedMail[] = [];
  const seen = new Set<string>();
  const held = new HeldKeys();
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
        const mail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId: header('Message-ID'), subject: header('Subject'), raw };
        (dedupe && seen.has(mail.messageId) ? repeats : received).push(mail);
        seen.add(mail.messageId);
        held.add(mail.messageId);
        setTimeout(() => {
          held.remove(mail.messageId);
          callback();
        }, delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server.server.address() as AddressInfo);
  return { url: `smtp://127.0.0.1:${port}`, received, repeats, held: () => held.list(), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedSms {
  phone: string;
  outId: string;
  templateId: string;
  params: Record<string, string>;
  authorization: string;
}

/** A local HTTP server in the shape of a Chinese SMS gateway; numbers in `failFor` always get a 500. */
export async function startSmsStandIn({ failFor = [] as string[], delayMs = 0, dedupe = false }: StandInOptions & { failFor?: string[] } = {}): Promise<{
  url: string; received: ReceivedSms[]; repeats: ReceivedSms[]; rejected: string[]; held: () => HeldMessage[]; close: () => Promise<void>;
}> {
  const received: ReceivedSms[] = [];
  const repeats: ReceivedSms[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  const held = new HeldKeys();
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
      const sms = { phone: body.phoneNumbers, outId: body.outId, templateId: body.templateId, params: body.templateParams, authorization: request.headers.authorization ?? '' };
      (dedupe && seen.has(sms.outId) ? repeats : received).push(sms);
      seen.add(sms.outId);
      held.add(sms.outId);
      setTimeout(() => {
        held.remove(sms.outId);
        if (!response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'OK', requestId: `req-${received.length}` }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/send`, received, repeats, rejected, held: () => held.list(),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export interface HeldMessage {
  key: string;
  heldMs: number;
}

/** Messages that have arrived and not been answered yet, by key, with how long each has waited. */
class HeldKeys {
  private readonly held: Array<{ key: string; at: number }> = [];

  add(key: string): void {
    this.held.push({ key, at: Date.now() });
  }

  remove(key: string): void {
    this.held.splice(this.held.findIndex((entry) => entry.key === key), 1);
  }

  list(): HeldMessage[] {
    const now = Date.now();
    return this.held.map(({ key, at }) => ({ key, heldMs: now - at }));
  }
}

/** Counts per key: every key seen, and how often. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
