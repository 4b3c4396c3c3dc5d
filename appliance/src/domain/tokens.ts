/** Bearer tokens and identifiers: random, and stored only as their SHA-256 (a leaked database holds no usable token). */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** The vendor's LSID: 32 lowercase hex characters. */
export const newSessionId = (): string => randomBytes(16).toString('hex');
