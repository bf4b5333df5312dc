export type WaterfallPhase = 'redirects' | 'dns' | 'connect' | 'tls' | 'wait' | 'download';

export interface WaterfallSegment {
  phase: WaterfallPhase;
  label: string;
  startMs: number;
  durationMs: number;
  /** position and width as percentages of the whole bar */
  leftPct: number;
  widthPct: number;
}

export interface WaterfallInput {
  dns: number;
  connect: number;
  tls: number;
  wait: number;
  download: number;
  total: number;
}

const LABELS: Record<WaterfallPhase, string> = {
  redirects: 'Redirects',
  dns: 'DNS lookup',
  connect: 'TCP connect',
  tls: 'TLS handshake',
  wait: 'Waiting (TTFB)',
  download: 'Content download',
};

/** Visible width for a phase that took a moment but rounds to nothing at this scale. */
const MIN_VISIBLE_PCT = 0.5;

/**
 * Geometry of the timing waterfall: phases laid end to end on one scale. Time spent on earlier hops of a redirect
 * chain (total minus the final hop's phases) comes first, so the bars add up to the total the user sees.
 * Phases that did not happen (0 ms, e.g. DNS on a reused connection) are left out.
 */
export function waterfallSegments(t: WaterfallInput): WaterfallSegment[] {
  const phases: Array<[WaterfallPhase, number]> = [
    ['dns', t.dns],
    ['connect', t.connect],
    ['tls', t.tls],
    ['wait', t.wait],
    ['download', t.download],
  ];
  const finalHop = phases.reduce((sum, [, ms]) => sum + Math.max(0, ms), 0);
  const before = Math.max(0, t.total - finalHop);
  if (before >= 1) phases.unshift(['redirects', before]);
  const scale = Math.max(t.total, finalHop + before, 1e-9);
  const segments: WaterfallSegment[] = [];
  let start = 0;
  for (const [phase, raw] of phases) {
    const ms = Math.max(0, raw);
    if (ms > 0) {
      const leftPct = (start / scale) * 100;
      const widthPct = Math.min(100 - Math.min(leftPct, 100 - MIN_VISIBLE_PCT), Math.max(MIN_VISIBLE_PCT, (ms / scale) * 100));
      segments.push({ phase, label: LABELS[phase], startMs: start, durationMs: ms, leftPct, widthPct });
    }
    start += ms;
  }
  return segments;
}
