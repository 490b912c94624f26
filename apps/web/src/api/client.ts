/** The one door to the REST API: adds the token, turns error answers into readable Chinese messages. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Array<{ field: string; reason: string }>;
  allowedEvents?: string[];
  reason?: string;
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(describeError(body));
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '您没有权限执行此操作',
  404: '未找到该记录，或您无权查看',
  409: '当前状态不允许此操作',
  413: '提交的内容过大',
  503: '服务暂时不可用，请稍后再试',
};

export function describeError(body: ApiErrorBody): string {
  const head = STATUS_TEXT[body.statusCode] ?? '操作失败';
  if (body.errors?.length) return `${head}：${body.errors.map((e) => `${e.field} ${e.reason}`).join('；')}`;
  if (body.reason) return `${head}：${body.reason}`;
  return body.message ? `${head}（${body.message}）` : head;
}

const TOKEN_KEY = 'jianyi.token';

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string | null) {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) session.set(null);
    throw new ApiError(body ?? { statusCode: response.status, code: 'HTTP_ERROR', message: response.statusText });
  }
  return body as T;
}
