/**
 * Heartbeats for a gateway's WebSockets (consoles, Jump Clients and customer clients). A socket's
 * last sign of life is its last pong or message; every ping period a socket silent for the whole idle
 * limit is closed with 4008 and a reason naming the limit and its variable (domain/limits.ts), and
 * cut 5 s later if the dead peer cannot answer the close; the others are pinged. Pings go out twice
 * per idle period and at least every 30 s (an agent cuts a socket it hears nothing on for 95 s).
 */
import type { WebSocket } from 'ws';
import { LIMITS, idleCloseReason, type Limits } from '../domain/limits.js';

export const IDLE_CLOSE_CODE = 4008;

export class IdleWatch {
  private readonly seenAt = new Map<WebSocket, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(key: 'consoleIdleSeconds' | 'agentIdleSeconds', limits: Limits = LIMITS) {
    const idleMs = limits[key] * 1000;
    const reason = idleCloseReason(key, limits);
    this.timer = setInterval(() => this.beat(idleMs, reason), Math.min(30_000, Math.max(500, Math.floor(idleMs / 2))));
    this.timer.unref();
  }

  watch(ws: WebSocket): void {
    const seen = () => this.seenAt.set(ws, Date.now());
    seen();
    ws.on('pong', seen);
    ws.on('message', seen);
    ws.once('close', () => this.seenAt.delete(ws));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(idleMs: number, reason: string): void {
    const now = Date.now();
    for (const [ws, at] of this.seenAt) {
      if (now - at < idleMs) {
        ws.ping();
        continue;
      }
      this.seenAt.delete(ws);
      ws.close(IDLE_CLOSE_CODE, reason);
      setTimeout(() => ws.terminate(), 5_000).unref();
    }
  }
}
