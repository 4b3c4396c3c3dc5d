/**
 * Which sessions have their customer connected right now. Simulated demo customers are pinned as
 * always present; real ones come and go with their WebSocket.
 */
export class CustomerPresence {
  private readonly counts = new Map<string, number>();
  private readonly pinned = new Set<string>();

  connected(sessionId: string): void {
    this.counts.set(sessionId, (this.counts.get(sessionId) ?? 0) + 1);
  }

  /** Returns true when that was the customer's last connection. */
  disconnected(sessionId: string): boolean {
    const n = (this.counts.get(sessionId) ?? 1) - 1;
    if (n <= 0) {
      this.counts.delete(sessionId);
      return true;
    }
    this.counts.set(sessionId, n);
    return false;
  }

  pin(sessionId: string): void {
    this.pinned.add(sessionId);
  }

  unpin(sessionId: string): void {
    this.pinned.delete(sessionId);
  }

  isPinned(sessionId: string): boolean {
    return this.pinned.has(sessionId);
  }

  isConnected(sessionId: string): boolean {
    return this.pinned.has(sessionId) || this.counts.has(sessionId);
  }
}
