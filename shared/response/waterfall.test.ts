import { describe, expect, it } from 'vitest';
import { PHASE_EXPLANATIONS, waterfallSegments } from './waterfall';

describe('waterfallSegments', () => {
  it('lays phases end to end on one scale', () => {
    const segs = waterfallSegments({ dns: 10, connect: 20, tls: 30, wait: 30, download: 10, total: 100 });
    expect(segs.map((s) => [s.phase, s.startMs, s.durationMs, s.leftPct, s.widthPct])).toEqual([
      ['dns', 0, 10, 0, 10],
      ['connect', 10, 20, 10, 20],
      ['tls', 30, 30, 30, 30],
      ['wait', 60, 30, 60, 30],
      ['download', 90, 10, 90, 10],
    ]);
    expect(segs[3]!.label).toBe('Waiting (TTFB)');
  });

  it('omits phases that did not happen (reused connection)', () => {
    const segs = waterfallSegments({ dns: 0, connect: 0, tls: 0, wait: 40, download: 10, total: 50 });
    expect(segs.map((s) => s.phase)).toEqual(['wait', 'download']);
  });

  it('puts earlier redirect hops first so the bar adds up to the total', () => {
    const segs = waterfallSegments({ dns: 0, connect: 5, tls: 0, wait: 10, download: 5, total: 80 }, 2);
    expect(segs[0]).toMatchObject({ phase: 'redirects', durationMs: 60, leftPct: 0, widthPct: 75 });
  });

  it('without redirects, puts unaccounted time before the wait for the first byte', () => {
    const segs = waterfallSegments({ dns: 0, connect: 5, tls: 0, wait: 10, download: 5, total: 30 });
    expect(segs.map((s) => [s.phase, s.startMs, s.durationMs])).toEqual([
      ['connect', 0, 5],
      ['other', 5, 10],
      ['wait', 15, 10],
      ['download', 25, 5],
    ]);
  });

  it('keeps tiny phases visible and never overflows', () => {
    const segs = waterfallSegments({ dns: 0.01, connect: 0, tls: 0, wait: 1000, download: 0, total: 1000.01 });
    expect(segs[0]!.widthPct).toBe(0.5);
    for (const s of segs) expect(s.leftPct + s.widthPct).toBeLessThanOrEqual(100.0001);
  });

  it('copes with all zeros', () => {
    expect(waterfallSegments({ dns: 0, connect: 0, tls: 0, wait: 0, download: 0, total: 0 })).toEqual([]);
  });

  it('explains every phase in one line', () => {
    const segs = waterfallSegments({ dns: 1, connect: 2, tls: 3, wait: 4, download: 5, total: 20 });
    expect(segs.map((s) => s.phase)).toEqual(['dns', 'connect', 'tls', 'other', 'wait', 'download']);
    for (const s of segs) {
      expect(s.explanation).toBe(PHASE_EXPLANATIONS[s.phase]);
      expect(s.explanation.length).toBeGreaterThan(20);
      expect(s.explanation).not.toContain('\n');
    }
    expect(waterfallSegments({ dns: 0, connect: 0, tls: 0, wait: 4, download: 1, total: 50 }, 1)[0]!.explanation).toMatch(/redirect/);
  });
});
