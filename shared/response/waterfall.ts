type WaterfallPhase = 'redirects' | 'dns' | 'connect' | 'tls' | 'other' | 'wait' | 'download';

interface WaterfallSegment {
  phase: WaterfallPhase;
  label: string;
  /** one line a learner can read: what happened in this phase */
  explanation: string;
  startMs: number;
  durationMs: number;
  /** position and width as percentages of the whole bar */
  leftPct: number;
  widthPct: number;
}

interface WaterfallInput {
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

/** What each phase is, in one line, for the Timing panel (learners read these; keep them plain). */
export const PHASE_EXPLANATIONS: Record<WaterfallPhase, string> = {
  redirects: 'The earlier requests that answered with a redirect, before the final one was sent.',
  dns: 'Looking up the host name to find the server’s IP address.',
  connect: 'Opening the TCP connection to the server.',
  tls: 'Agreeing on encryption with the server and checking its certificate (HTTPS only).',
  // Measured from the engine taking the request to undici reporting it written: composing it, the turn it waits in
  // Courier's own process (other work on its event loop, longer on a busy machine) and writing it to the socket.
  other: 'Before the request went out: Courier composing it, waiting its turn to use the connection and writing it (longer when the computer is busy).',
  wait: 'From the request being fully sent to the first byte of the answer: mostly the server working on it.',
  download: 'Receiving the response body, from its first byte to its last.',
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
      segments.push({ phase, label: LABELS[phase], explanation: PHASE_EXPLANATIONS[phase], startMs: start, durationMs: ms, leftPct, widthPct });
    }
    start += ms;
  }
  return segments;
}
