export type WaterfallPhase = 'redirects' | 'dns' | 'connect' | 'tls' | 'other' | 'wait' | 'download';

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
  other: 'Sending and other',
  wait: 'Waiting (TTFB)',
  download: 'Content download',
};

/** Visible width for a phase that took a moment but rounds to nothing at this scale. */
const MIN_VISIBLE_PCT = 0.5;

/**
 * Geometry of the timing waterfall: phases laid end to end on one scale, adding up to the total the user sees.
 * Time the phases do not account for (total minus the final hop's phases) is, after redirects, the earlier hops
 * (drawn first); without redirects it is writing the request and queueing (drawn before the wait for the first byte).
 * Phases that did not happen (0 ms, e.g. DNS on a reused connection) are left out.
 */
export function waterfallSegments(t: WaterfallInput, redirectCount = 0): WaterfallSegment[] {
  const phases: Array<[WaterfallPhase, number]> = [
    ['dns', t.dns],
    ['connect', t.connect],
    ['tls', t.tls],
    ['wait', t.wait],
    ['download', t.download],
  ];
  const finalHop = phases.reduce((sum, [, ms]) => sum + Math.max(0, ms), 0);
  const before = Math.max(0, t.total - finalHop);
  if (before >= 1) {
    if (redirectCount > 0) phases.unshift(['redirects', before]);
    else phases.splice(3, 0, ['other', before]);
  }
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
