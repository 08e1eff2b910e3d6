import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS, progressReporter, withProgressSink } from '../../electron/core/callProgress';

describe('progress of long work', () => {
  it('sends at most one message per interval per call, except when told to send now', () => {
    let clock = 1_000;
    const sent: unknown[] = [];
    withProgressSink(
      (_name, payload) => sent.push(payload),
      () => {
        const progress = progressReporter('import.progress', () => clock);
        for (let done = 1; done <= 1_000; done++) {
          clock += 1; // 1,000 records in one second
          progress.report({ stage: 'inlezen', done });
        }
        progress.report({ stage: 'afronden', done: 1_000 }, true);
      },
    );
    expect(sent.length).toBeLessThanOrEqual(1_000 / PROGRESS_INTERVAL_MS + 2);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.at(-1)).toEqual({ stage: 'afronden', done: 1_000 });
  });

  it('goes to the sink of its own call only, and costs nothing where no host listens', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const work = async (done: number) => {
      const progress = progressReporter('import.progress');
      await new Promise((r) => setTimeout(r, 5)); // interleaved with the other call
      progress.report({ stage: 'controleren', done }, true);
    };
    await Promise.all([withProgressSink((_n, p) => a.push(p), () => work(1)), withProgressSink((_n, p) => b.push(p), () => work(2))]);
    expect(a).toEqual([{ stage: 'controleren', done: 1 }]);
    expect(b).toEqual([{ stage: 'controleren', done: 2 }]);
    expect(() => progressReporter('import.progress').report({ stage: 'inlezen', done: 1 }, true)).not.toThrow();
  });
});
