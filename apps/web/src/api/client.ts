/** The one door to the REST API: adds the token, renews it once when it ran out, turns error answers into readable Chinese. */
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
  401: '登录已失效，请重新登录',
  403: '您没有权限执行此操作',
  404: '未找到该记录，或您无权查看',
  409: '当前状态不允许此操作',
  413: '提交的内容过大',
  429: '尝试次数过多，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
};

/** Codes whose meaning is clearer in words than the generic status text. */
const CODE_TEXT: Record<string, string> = {
  DEMO_LOGIN_FORBIDDEN: '演示登录仅在演示模式下可用，请使用密码登录',
  LOGIN_THROTTLED: '密码错误次数过多，账号已暂时锁定，请稍后再试',
  PASSWORD_CHANGE_REQUIRED_FORBIDDEN: '请先修改初始密码',
  NETWORK: '无法连接服务器，请检查网络后重试',
  ATTACHMENT_LOCKED_CONFLICT: '建议已提交，附件不能再添加或删除，只能查看和下载',
  ATTACHMENT_FORBIDDEN: '只有领衔代表可以添加或删除附件',
};

/** Reasons the API gives in English for bad input, in the words a user reads. */
const REASON_TEXT: Array<[RegExp, string]> = [
  [/^only .* files are accepted$/, '只接受 PDF、Word、Excel、JPG/PNG 图片和 TXT 文本文件'],
  [/^must not be larger than (\d+) MB$/, '不能超过 $1 MB'],
  [/^the content of (.+) is (.+), not (.+): rename it or export it again$/, '“$1”的内容是 $2 文件，与扩展名不符'],
  [/^the content of (.+) is not a valid (.+) file$/, '“$1”不是有效的 $2 文件'],
  [/^the file is empty$/, '文件是空的'],
  [/^a suggestion takes at most (\d+) attachments$/, '每件建议最多 $1 个附件'],
  [/^send the file as multipart.*$/, '请选择要上传的文件'],
];

function reasonText(reason: string): string {
  const known = REASON_TEXT.find(([pattern]) => pattern.test(reason));
  return known ? reason.replace(known[0], known[1]) : reason;
}

/** Field names the API reports, in the words the forms use. */
const FIELD_TEXT: Record<string, string> = {
  title: '标题', content: '内容', category: '类别', sessionId: '会议', cosignerIds: '联名代表', unitIds: '承办单位',
  leadUnitId: '主办单位', mode: '方式', classification: '答复类别', text: '内容', reason: '理由', contactedAt: '沟通时间',
  method: '沟通方式', requestedDueAt: '申请延至', dueAt: '延至', handlingWork: '对办理工作', result: '对办理结果',
  password: '密码', newPassword: '新密码', currentPassword: '原密码', username: '用户名', jurisdictionCode: '机构代码',
  passage: '隐去内容', memberIds: '到会委员', choices: '选项', reporterName: '汇报人', report: '汇报内容', opinion: '审议意见',
  meetingDate: '会议日期', suggestionIds: '建议', items: '建议', deputyId: '代表', unitId: '单位', q: '关键词', file: '附件',
  itemIds: '议程', deputyUserIds: '列席代表', chairUserId: '主持人', role: '角色',
};

export function describeError(body: ApiErrorBody): string {
  if (CODE_TEXT[body.code]) return CODE_TEXT[body.code];
  const head = STATUS_TEXT[body.statusCode] ?? '操作失败';
  if (body.errors?.length) return `${head}：${body.errors.map((e) => `${FIELD_TEXT[e.field] ?? e.field} ${reasonText(e.reason)}`).join('；')}`;
  if (body.reason) return `${head}：${body.reason}`;
  return body.message ? `${head}（${body.message}）` : head;
}

const TOKEN_KEY = 'jianyi.token';
const REFRESH_KEY = 'jianyi.refresh';

export interface IssuedToken {
  accessToken: string;
  refreshToken?: string;
}

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  get refreshToken(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  },
  set(issued: IssuedToken | null) {
    if (issued) localStorage.setItem(TOKEN_KEY, issued.accessToken);
    else localStorage.removeItem(TOKEN_KEY);
    if (issued?.refreshToken) localStorage.setItem(REFRESH_KEY, issued.refreshToken);
    else localStorage.removeItem(REFRESH_KEY);
  },
};

type RequestInit = { method?: string; body?: unknown; headers?: Record<string, string> };

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  // A FormData body (a file upload) sets its own multipart content type with the boundary.
  const multipart = init.body instanceof FormData;
  if (init.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  try {
    return await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : multipart ? (init.body as FormData) : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError({ statusCode: 0, code: 'NETWORK', message: '' });
  }
}

/** A refresh token is used once; concurrent 401s share the one renewal. */
let renewing: Promise<boolean> | null = null;
function renew(): Promise<boolean> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return Promise.resolve(false);
  renewing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) })
    .then(async (response) => {
      if (!response.ok) return false;
      session.set((await response.json()) as IssuedToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

async function authorised(path: string, init: RequestInit): Promise<Response> {
  let response = await send(path, init);
  if (response.status === 401 && session.token && !path.startsWith('/auth/') && (await renew())) response = await send(path, init);
  return response;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: ApiErrorBody | undefined;
  try {
    body = text ? (JSON.parse(text) as ApiErrorBody) : undefined;
  } catch {
    body = undefined;
  }
  if (response.status === 401) session.set(null);
  return new ApiError(body ?? { statusCode: response.status, code: 'HTTP_ERROR', message: response.statusText });
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await authorised(path, init);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends one file as multipart field `file` and answers the API's JSON. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<T>(path, { method: 'POST', body });
}

/** The file name a Content-Disposition gives: the UTF-8 `filename*` when present, else the plain `filename`. */
export function dispositionFileName(disposition: string): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
}

/** Downloads a file the API renders or keeps (xlsx, csv, an attachment) with the caller's token, under the name the API gives it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await authorised(path, {});
  if (!response.ok) throw await failure(response);
  const name = dispositionFileName(response.headers.get('content-disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Reads a server-sent event stream that needs the Bearer header (EventSource cannot send one).
 * Calls onMessage with each `data:` payload; the returned function stops reading.
 */
export function streamEvents<T>(path: string, onMessage: (data: T) => void, onError: (message: string) => void): () => void {
  const controller = new AbortController();
  void (async () => {
    try {
      const response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${session.token ?? ''}`, accept: 'text/event-stream' }, signal: controller.signal });
      if (!response.ok || !response.body) {
        onError((await failure(response)).message);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) onMessage(JSON.parse(data) as T);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) onError(`实时计数连接中断：${(error as Error).message}`);
    }
  })();
  return () => controller.abort();
}
