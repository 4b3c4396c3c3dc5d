/** Which reps have a console connected right now (in memory: presence does not outlive the process). */
export interface PresenceEntry {
  userId: number;
  console: 'web' | 'desktop';
  loggedInAt: string;
  connections: number;
}

export class Presence {
  private readonly entries = new Map<number, PresenceEntry>();

  connected(userId: number, console: 'web' | 'desktop', loggedInAt: string): void {
    const e = this.entries.get(userId);
    if (e) {
      e.connections++;
      e.console = console;
    } else this.entries.set(userId, { userId, console, loggedInAt, connections: 1 });
  }

  disconnected(userId: number): void {
    const e = this.entries.get(userId);
    if (!e) return;
    if (--e.connections <= 0) this.entries.delete(userId);
  }

  isOnline(userId: number): boolean {
    return this.entries.has(userId);
  }

  list(): PresenceEntry[] {
    return [...this.entries.values()];
  }
}
