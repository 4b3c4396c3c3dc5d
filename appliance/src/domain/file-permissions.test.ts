import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/index.js';
import { REP_PERMISSIONS, authorize, type Actor } from './permissions.js';
import type { UserRecord } from './ports.js';

const actor = (perms: Partial<typeof REP_PERMISSIONS>): Actor => ({
  user: { id: 7, permissions: { ...REP_PERMISSIONS, ...perms } } as unknown as UserRecord,
  teams: [],
});
const refusal = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof CodedError ? e.code : String(e);
  }
};

describe('File Transfer permissions', () => {
  it('fileUpload and fileDownload each unlock their own direction; either one lets a member browse', () => {
    const upOnly = actor({ fileDownload: false });
    const downOnly = actor({ fileUpload: false });
    const none = actor({ fileUpload: false, fileDownload: false });
    expect(refusal(() => authorize(upOnly, { kind: 'session.files.upload', role: 'owner' }))).toBe('ok');
    expect(refusal(() => authorize(upOnly, { kind: 'session.files.download', role: 'owner' }))).toBe('E_FILE_DOWNLOAD_FORBIDDEN');
    expect(refusal(() => authorize(downOnly, { kind: 'session.files.upload', role: 'owner' }))).toBe('E_FILE_UPLOAD_FORBIDDEN');
    expect(refusal(() => authorize(downOnly, { kind: 'session.files', role: 'participant' }))).toBe('ok');
    expect(refusal(() => authorize(none, { kind: 'session.files', role: 'owner' }))).toBe('E_FORBIDDEN');
    expect(refusal(() => authorize(upOnly, { kind: 'session.files.upload', role: null }))).toBe('E_SESSION_NOT_MEMBER');
  });
});
