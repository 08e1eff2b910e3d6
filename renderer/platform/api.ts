import type { ErrorCode, FieldIssue } from '../../shared/errors';
import type { Input, KetenkluisApi, MethodName, Output } from '../../shared/ipc/contract';
import type { EventApi } from '../../shared/ipc/events';

/** What the renderer can reach: one function per contract method, plus event subscription. */
export type RendererApi = KetenkluisApi & EventApi;

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge) or, in development and tests only, by the bridge entry. */
    ketenkluis?: RendererApi;
  }
}

/** A failed contract call, carrying the stable code so the UI can pick the right message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, extra: { retryAfterSeconds?: number; issues?: FieldIssue[] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.issues = extra.issues;
  }
}

/** The client the store's slices use: `call` unwraps the result envelope, `on` subscribes to events. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on: EventApi['on'];
}

/** Wraps an API object (preload or bridge) into a client that throws ApiError on failure. */
export function createClient(api: RendererApi): ApiClient {
  return {
    async call(method, input) {
      const fn = api[method] as (input: unknown) => ReturnType<KetenkluisApi[typeof method]>;
      const result = await fn(input);
      if (result.ok) return result.value as Output<typeof method>;
      const { code, message, retryAfterSeconds, issues } = result.error;
      const extra: { retryAfterSeconds?: number; issues?: FieldIssue[] } = {};
      if (retryAfterSeconds !== undefined) extra.retryAfterSeconds = retryAfterSeconds;
      if (issues !== undefined) extra.issues = issues;
      throw new ApiError(code, message, extra);
    },
    on: (name, listener) => api.on(name, listener),
  };
}

/** The client over `window.ketenkluis`; throws when no host installed the API (opened outside Ketenkluis). */
export function windowClient(): ApiClient {
  const api = window.ketenkluis;
  if (!api) throw new Error('window.ketenkluis is missing: open Ketenkluis through the app or the development bridge');
  return createClient(api);
}

/** Turns anything thrown by a call into an ApiError (network failures become INTERNAL). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error ? error.name : 'Unknown error');
}
