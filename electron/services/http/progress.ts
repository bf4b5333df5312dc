import { type HttpProgress } from '../../../shared/contract';

const THROTTLE_MS = 100;

/** Phase changes go out at once; byte counts at most every 100 ms, so a fast download costs almost nothing. */
export class ProgressReporter {
  private phase: HttpProgress['phase'] | null = null;
  private lastEmit = 0;
  private stopped = false;
  /** A throttled count waits here, so a burst followed by silence still shows its last figure. */
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private latestBytes = 0;
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
    this.latestBytes = bytesReceived;
    const wait = THROTTLE_MS - (performance.now() - this.lastEmit);
    if (wait <= 0) {
      this.emit(bytesReceived);
      return;
    }
    if (this.trailing === null) {
      this.trailing = setTimeout(() => {
        this.trailing = null;
        if (!this.stopped) this.emit(this.latestBytes);
      }, wait);
      this.trailing.unref?.();
    }
  }

  /** After this nothing is reported, even from callbacks already in flight. */
  stop(): void {
    this.stopped = true;
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
  }

  private emit(bytesReceived: number): void {
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastEmit = performance.now();
    try {
      this.sink?.({ requestId: this.requestId, phase: this.phase ?? 'sending', bytesReceived, bytesExpected: this.bytesExpected });
    } catch {
      // A faulty listener must not break the exchange.
    }
  }
}
