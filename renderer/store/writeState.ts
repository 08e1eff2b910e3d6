import type { ApiError } from '../platform/api';

/** The state of one write (a form): busy, and the core's refusal if any. */
export interface WriteState {
  busy: boolean;
  error: ApiError | null;
}

export const idleWrite: WriteState = { busy: false, error: null };
