import { vi } from 'vitest';
import type { Result } from '../../shared/ipc/define';
import type { CoreMethodName } from '../../shared/ipc/contract';
import type { Forward } from '../../electron/gateway/windowCalls';

/** What a fake core answers, per method; `standaard` for every other method. */
export type Answers = Partial<Record<CoreMethodName, (input: Record<string, unknown>) => Result<unknown>>>;

/** A fake core for main's glue: answers per method, and every call it received in order. */
export function fakeForward(answers: Answers, standaard: Result<unknown> = { ok: true, value: {} }): { forward: Forward; calls: Array<[string, Record<string, unknown>]> } {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const forward = vi.fn(async (method: CoreMethodName, input: unknown) => {
    calls.push([method, input as Record<string, unknown>]);
    const answer = answers[method];
    return (answer ? answer(input as Record<string, unknown>) : standaard) as never;
  }) as unknown as Forward;
  return { forward, calls };
}
