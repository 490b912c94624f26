import type { TestSystem } from './test-system';

export interface ActingClient {
  userId: string;
  get(path: string): ReturnType<ReturnType<TestSystem['http']>['get']>;
  post(path: string, body?: object, headers?: Record<string, string>): ReturnType<ReturnType<TestSystem['http']>['post']>;
  put(path: string, body?: object): ReturnType<ReturnType<TestSystem['http']>['put']>;
  /** Sends a workflow event and expects it to apply. */
  send(suggestionId: string, event: { type: string; [field: string]: unknown }): Promise<Record<string, unknown>>;
}

/** Signs in demo users of one jurisdiction and talks to the api as each of them. */
export function actorsOf(system: TestSystem, jurisdictionCode: string) {
  const cache = new Map<string, ActingClient>();
  return async function as(username: string): Promise<ActingClient> {
    const cached = cache.get(username);
    if (cached) return cached;
    const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode, username });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
    const auth = `Bearer ${login.body.accessToken}`;
    const client: ActingClient = {
      userId: login.body.user.userId,
      get: (path) => system.http().get(path).set('Authorization', auth),
      post: (path, body = {}, headers = {}) => {
        let req = system.http().post(path).set('Authorization', auth);
        for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
        return req.send(body);
      },
      put: (path, body = {}) => system.http().put(path).set('Authorization', auth).send(body),
      send: async (suggestionId, event) => {
        const response = await client.post(`/api/suggestions/${suggestionId}/events`, event);
        if (response.status !== 200) {
          throw new Error(`${username} ${event.type}: ${response.status} ${JSON.stringify(response.body)}`);
        }
        return response.body;
      },
    };
    cache.set(username, client);
    return client;
  };
}
