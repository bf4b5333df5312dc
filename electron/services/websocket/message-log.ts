import type { WsMessage } from '../../../shared/contract';

/** The newest `cap` messages of a session; trimming goes in steps so a busy socket does not shift the array each time. */
export class MessageLog {
  private entries: WsMessage[] = [];
  dropped = 0;
  constructor(private cap: number) {}

  add(message: WsMessage): void {
    this.entries.push(message);
    if (this.entries.length > this.cap + Math.max(16, this.cap >> 4)) {
      const excess = this.entries.length - this.cap;
      this.entries.splice(0, excess);
      this.dropped += excess;
    }
  }

  all(): WsMessage[] {
    const excess = Math.max(0, this.entries.length - this.cap);
    return excess > 0 ? this.entries.slice(excess) : [...this.entries];
  }

  droppedCount(): number {
    return this.dropped + Math.max(0, this.entries.length - this.cap);
  }

  setCap(cap: number): void {
    this.cap = cap;
  }
}
