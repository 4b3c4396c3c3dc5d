import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', () => {
    const a = hashPassword('Support-Demo-1');
    const b = hashPassword('Support-Demo-1');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(verifyPassword('Support-Demo-1', a)).toBe(true);
    expect(verifyPassword('support-demo-1', a)).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', () => {
    expect(verifyPassword('x', 'plain')).toBe(false);
    expect(verifyPassword('x', 'scrypt$1$2')).toBe(false);
  });
});
