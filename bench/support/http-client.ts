import { Agent, request } from 'node:http';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface BenchHttpClient {
  call<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<HttpAnswer<T>>;
  /** Signs in through the demo login and returns the access token. */
  login(jurisdictionCode: string, username: string): Promise<string>;
  close(): void;
}

/**
 * A lean HTTP client over kept-alive sockets. The api under test shares this process with its clients, and
 * `fetch` (undici) spent as much of the process's time per request as the api's auth check did, so it skewed
 * every over-HTTP figure; node:http with a keep-alive agent costs a fraction of that.
 */
export function benchHttpClient(baseUrl: string, maxSockets = 64): BenchHttpClient {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const call = <T>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    new Promise<HttpAnswer<T>>((resolve, reject) => {
      const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
      const outgoing = request({ host: hostname, port: Number(port), method, path, headers, agent }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = (incoming.headers['content-type'] ?? '').includes('json');
          resolve({ status: incoming.statusCode ?? 0, body: (json && text ? JSON.parse(text) : text) as T });
        });
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  return {
    call,
    login: async (jurisdictionCode, username) => {
      const answer = await call<{ accessToken: string }>('POST', '/api/auth/demo-login', { body: { jurisdictionCode, username } });
      if (answer.status !== 200 && answer.status !== 201) throw new Error(`demo login of ${username} answered ${answer.status}`);
      return answer.body.accessToken;
    },
    close: () => agent.destroy(),
  };
}

/** Throws unless the answer has the expected status: a benchmark must never time failures. */
export function expectStatus<T>(answer: HttpAnswer<T>, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return answer.body;
}
