import { request as httpRequest } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: any;
}

/**
 * One HTTP request to an api process, on a connection of its own (no keep-alive): a refused or reset connection
 * then says exactly which request it hit. Network errors reject with their code (ECONNREFUSED, ECONNRESET).
 */
export function httpJson(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  { body, token, requestId }: { body?: object; token?: string; requestId?: string } = {},
): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(requestId ? { 'x-request-id': requestId } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in with a password, as a person would; returns the access token. */
export async function logIn(baseUrl: string, { jurisdictionCode, username, password }: { jurisdictionCode: string; username: string; password: string }): Promise<string> {
  const answer = await httpJson(baseUrl, 'POST', '/api/auth/login', { body: { jurisdictionCode, username, password } });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}
