import { type HttpProgress } from '../../../shared/contract';

const THROTTLE_MS = 100;

/** Phase changes go out at once; byte counts at most every 100 ms, so a fast download costs almost nothing. */
export class ProgressReporter {
  private phase: HttpProgress['phase'] | null = null;
  private lastEmit = 0;
  private stopped = false;
  bytesExpected: number | null = null;

  constructor(
    private readonly requestId: string,
    private readonly sink: ((progress: HttpProgress) => void) | undefined,
  ) {}

  setPhase(phase: HttpProgress['phase'], bytesReceived = 0): void {
    if (this.stopped || this.sink === undefined || phase === this.phase) return;
    this.phase = phase;
    this.emit(bytesReceived);
  }

  bytes(bytesReceived: number): void {
    if (this.stopped || this.sink === undefined) return;
    const now = performance.now();
    if (now - this.lastEmit < THROTTLE_MS) return;
    this.emit(bytesReceived);
  }

  /** After this nothing is reported, even from callbacks already in flight. */
  stop(): void {
    this.stopped = true;
  }

  private emit(bytesReceived: number): void {
    this.lastEmit = performance.now();
    try {
      this.sink?.({ requestId: this.requestId, phase: this.phase ?? 'sending', bytesReceived, bytesExpected: this.bytesExpected });
    } catch {
      // A faulty listener must not break the exchange.
    }
  }
}
