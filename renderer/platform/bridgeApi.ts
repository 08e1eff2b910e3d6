// Development and test only: the bridge entry imports this; the production entry never does
// (an eslint rule and a bundle test guard that).
import type { ErrorInfo } from '../../shared/errors';
import { methodNames, type KetenkluisApi, type MethodName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';
import { events, isEventName, type EventApi, type EventName } from '../../shared/ipc/events';
import type { RendererApi } from './api';

/**
 * Takes the one-time token from `#token=…` and removes it from the address bar and history at
 * once, so it is kept only in this page's memory (never in storage, never in a URL we request).
 */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{20,200})(?:&|$)/.exec(window.location.hash);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  return match?.[1] ?? null;
}

function failure(code: ErrorInfo['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Builds the same API object the Electron preload exposes, over the loopback bridge:
 * `POST /api/invoke` for calls and a streamed `GET /api/events` for events. Both carry the
 * token in the Authorization header. EventSource cannot send headers, and a token in a query
 * string would end up in URLs, so events use a streamed fetch that reads server-sent lines.
 */
export function createBridgeApi(token: string | null, base = ''): RendererApi {
  const headers = { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' };

  async function invoke(method: MethodName, input: unknown): Promise<Result<unknown>> {
    if (!token) return failure('FORBIDDEN_SENDER', 'No bridge token: open the address the bridge printed');
    let response: Response;
    try {
      response = await fetch(`${base}/api/invoke`, { method: 'POST', headers, body: JSON.stringify({ method, input }) });
    } catch {
      return failure('INTERNAL', 'The development bridge cannot be reached');
    }
    if (response.status === 401) return failure('FORBIDDEN_SENDER', 'The bridge refused the token');
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return failure('INTERNAL', `Bridge answered ${response.status} without a result`);
    }
  }

  const api = {} as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;
  for (const name of methodNames) api[name] = (input: unknown) => invoke(name, input);

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let streaming = false;

  function deliver(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const { name, payload } = message as { name?: unknown; payload?: unknown };
    if (!isEventName(name)) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(name) ?? []) listener(parsed.data);
  }

  async function stream(): Promise<void> {
    if (streaming || !token) return;
    streaming = true;
    try {
      const response = await fetch(`${base}/api/events`, { headers: { authorization: headers.authorization } });
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) if (line.startsWith('data: ')) deliver(line.slice(6));
        }
      }
    } catch {
      // The bridge went away (tests end, developer stopped it); calls will report it.
    } finally {
      streaming = false;
    }
  }

  const on: EventApi['on'] = (name, listener) => {
    if (!isEventName(name)) throw new Error('Unknown event');
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    void stream();
    return () => {
      set.delete(wrapped);
    };
  };

  return Object.freeze({ ...(api as unknown as KetenkluisApi), on });
}
