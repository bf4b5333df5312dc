import { type HttpProgress, type HttpResponseHead } from '../../../shared/contract';
import { type StreamingPreview } from './body-preview';

const THROTTLE_MS = 100;

/**
 * Phase changes go out at once; byte counts at most every 100 ms, so a fast download costs almost nothing. The
 * response's head rides on the 'downloading' event, and the body's first lines (masked) on the byte counts, only when
 * they grew: a response that ends within 100 ms never pays for a preview, and a large one sends it about once.
 */
export class ProgressReporter {
  private phase: HttpProgress['phase'] | null = null;
  private lastEmit = 0;
  private stopped = false;
  /** A throttled count waits here, so a burst followed by silence still shows its last figure. */
  private trailing: ReturnType<typeof setTimeout> | null = null;
  private latestBytes = 0;
  bytesExpected: number | null = null;
  private head: HttpResponseHead | null = null;
  private preview: StreamingPreview | null = null;

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

  /** the final response's head (sent with the next event) and where its body's first lines come from */
  responding(head: HttpResponseHead, preview: StreamingPreview): void {
    this.head = head;
    this.preview = preview;
  }

  /** After this nothing is reported, even from callbacks already in flight. */
  stop(): void {
    this.stopped = true;
    this.preview = null;
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
  }

  private emit(bytesReceived: number): void {
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastEmit = performance.now();
    const progress: HttpProgress = { requestId: this.requestId, phase: this.phase ?? 'sending', bytesReceived, bytesExpected: this.bytesExpected };
    if (this.head !== null) {
      progress.response = this.head;
      this.head = null;
    }
    const preview = this.preview?.take();
    if (preview) progress.preview = preview;
    try {
      this.sink?.(progress);
    } catch {
      // A faulty listener must not break the exchange.
    }
  }
}
