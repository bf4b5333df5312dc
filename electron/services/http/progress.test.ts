import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HttpProgress } from '../../../shared/contract';
import { ProgressReporter } from './progress';

afterEach(() => {
  vi.useRealTimers();
});

describe('progress reporter', () => {
  it('sends the last byte count of a burst once the throttle window ends, even if no more bytes come', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const seen: HttpProgress[] = [];
    const reporter = new ProgressReporter('r1', (progress) => seen.push(progress));
    reporter.bytesExpected = 2_000_000;
    reporter.setPhase('downloading');
    reporter.bytes(300_000);
    reporter.bytes(700_000);
    expect(seen.map((p) => p.bytesReceived)).toEqual([0]);
    vi.advanceTimersByTime(150);
    expect(seen.map((p) => p.bytesReceived)).toEqual([0, 700_000]);
    expect(seen.at(-1)).toMatchObject({ phase: 'downloading', bytesExpected: 2_000_000 });
  });

  it('reports nothing after stop, not even a pending trailing count', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const seen: HttpProgress[] = [];
    const reporter = new ProgressReporter('r1', (progress) => seen.push(progress));
    reporter.setPhase('downloading');
    reporter.bytes(10);
    reporter.stop();
    vi.advanceTimersByTime(500);
    expect(seen).toHaveLength(1);
  });
});
