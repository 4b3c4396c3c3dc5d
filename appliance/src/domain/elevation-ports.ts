/** Storage the elevation and Support Button services need (implemented in store/elevation.ts, store/support-buttons.ts). */
import type { QueueId, SessionElevation } from '../protocol/index.js';

export interface ElevationRepository {
  /** The session's stored mode, or null while it is still in its starting mode. */
  get(sessionId: string): SessionElevation | null;
  put(sessionId: string, s: SessionElevation, now: string): void;
}

export interface SupportButtonRecord {
  id: number;
  tokenHash: string;
  description: string;
  profile: 'default';
  queueId: QueueId;
  /** 'jump:<id>' (a Jump Client) or 'host:<hostname>' (a customer's computer). */
  endpointKey: string;
  hostname: string;
  emulated: boolean;
  deployedFrom: string | null;
  deployedById: number | null;
  deployedByName: string;
  deployedAt: string;
  expiresAt: string | null;
  removedAt: string | null;
  removedBy: string | null;
  clicks: number;
  lastSessionId: string | null;
}

export type NewSupportButton = Omit<SupportButtonRecord, 'id' | 'removedAt' | 'removedBy' | 'clicks' | 'lastSessionId'>;

export interface SupportButtonRepository {
  create(b: NewSupportButton): SupportButtonRecord;
  byId(id: number): SupportButtonRecord | null;
  byTokenHash(hash: string): SupportButtonRecord | null;
  /** Buttons still on a computer (not removed), oldest first. */
  onEndpoint(endpointKey: string): SupportButtonRecord[];
  remove(id: number, by: string, now: string): boolean;
  clicked(id: number, sessionId: string): void;
  /** Buttons on demo machines, not removed and not expired at `now`. */
  emulatedLive(now: string): SupportButtonRecord[];
}
