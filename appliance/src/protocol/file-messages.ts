/**
 * File Transfer: the console's methods and events (spread into messages.ts) and the appliance → agent
 * methods (spread into agent-messages.ts). A place on the endpoint is always a FileRef: one of the
 * endpoint's volumes (its allowed roots, by index) and a '/'-separated path *below* it — never an
 * absolute path, so "outside the allowed folders" cannot even be written. Only control travels here;
 * the bytes stream over HTTP (console ↔ appliance: /console/api/files/…, agent ↔ appliance:
 * /agent/files/…) with TCP flow control, so a 1 GiB file never sits in memory.
 */
import { z } from 'zod';
import { SessionId } from './session-models.js';

const Empty = z.object({}).strict();

/** One entry of a folder (the same shape as the older files.list's EndpointFileEntry). */
export const FileEntry = z.object({
  name: z.string(),
  kind: z.enum(['file', 'dir', 'link', 'other']),
  size: z.number().int().nonnegative(),
  /** ISO timestamp. */
  modifiedAt: z.string(),
  hidden: z.boolean(),
});
export type FileEntry = z.infer<typeof FileEntry>;

export const FileVolumeIndex = z.number().int().min(0).max(63);
/** A path below a volume, '/'-separated; '' is the volume itself. Checked by domain/file-paths.ts on the appliance and again on the endpoint. */
export const FileRelPath = z.string().max(4096);
/** One file or folder name (no separators); checked by domain/file-paths.ts. */
export const FileName = z.string().min(1).max(255);
/** Chosen by the console for one upload and reused when it resumes (the endpoint's temporary file is named after it). */
export const UploadKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const TransferId = z.string().regex(/^[0-9a-f]{32}$/);
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** Files up to 1 TiB. */
export const FileSize = z.number().int().min(0).max(2 ** 40);
/** A one-time secret that authorizes one byte stream (a capability URL: works from <a href> and from the agent). */
export const StreamToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
export const DataLink = z.object({ id: TransferId, token: StreamToken });
export type DataLink = z.infer<typeof DataLink>;

export const FileVolume = z.object({
  name: z.string(),
  /** How the endpoint names the volume's folder (C:\Users\ana, /home/ana). */
  display: z.string(),
});
export type FileVolume = z.infer<typeof FileVolume>;

export const FileCrumb = z.object({ name: z.string(), path: FileRelPath });
export type FileCrumb = z.infer<typeof FileCrumb>;

/** What the rep's console shows for one folder. */
export const FileListing = z.object({
  volume: FileVolumeIndex,
  path: FileRelPath,
  /** The folder as the endpoint names it. */
  display: z.string(),
  volumes: z.array(FileVolume),
  /** From the volume down to this folder; the first crumb is the volume (path ''). */
  breadcrumbs: z.array(FileCrumb),
  /** The folder above, or null at the volume's top (Up is disabled there). */
  parent: FileRelPath.nullable(),
  entries: z.array(FileEntry),
  /** Hidden entries left out (Show hidden files is off). */
  hiddenCount: z.number().int().nonnegative(),
  /** The folder holds more than a listing carries. */
  truncated: z.boolean(),
});
export type FileListing = z.infer<typeof FileListing>;

export const TransferDirection = z.enum(['upload', 'download']);
export type TransferDirection = z.infer<typeof TransferDirection>;
export const TransferState = z.enum(['waiting', 'running', 'completed', 'failed', 'cancelled']);
export type TransferState = z.infer<typeof TransferState>;

export const TransferProgress = z.object({
  transferId: TransferId,
  sessionId: SessionId,
  direction: TransferDirection,
  name: z.string(),
  size: z.number(),
  /** Bytes the receiver holds (for an upload: written on the endpoint). */
  bytes: z.number(),
  bytesPerSecond: z.number(),
  state: TransferState,
  /** The whole file's SHA-256, once known (a completed transfer). */
  sha256: Sha256Hex.optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type TransferProgress = z.infer<typeof TransferProgress>;

const Ref = { volume: FileVolumeIndex.default(0), path: FileRelPath.default('') };

export const fileMethods = {
  /** One folder of the session's endpoint: volumes, breadcrumbs, entries (hidden ones only with showHidden). */
  'session.files.browse': {
    params: z.object({ sessionId: SessionId, ...Ref, showHidden: z.boolean().default(false) }),
    result: FileListing,
  },
  /** New Folder in `path`. */
  'session.files.mkdir': { params: z.object({ sessionId: SessionId, ...Ref, name: FileName }), result: Empty },
  /** Rename the file or folder at `path` (it stays in its folder). */
  'session.files.rename': { params: z.object({ sessionId: SessionId, ...Ref, name: FileName }), result: Empty },
  /** Delete files and folders (folders with everything in them). Permanent: there is no recycle bin. */
  'session.files.delete': {
    params: z.object({ sessionId: SessionId, volume: FileVolumeIndex, paths: z.array(FileRelPath).min(1).max(1000) }),
    result: z.object({ deleted: z.number().int() }),
  },
  /**
   * Start (or resume: same key) an upload into folder `path`. `offset` is how many bytes the endpoint
   * already holds: PUT the rest to `url`, then call uploadFinish with the whole file's SHA-256.
   */
  'session.files.upload': {
    params: z.object({ sessionId: SessionId, ...Ref, name: FileName, size: FileSize, key: UploadKey, overwrite: z.boolean().default(false) }),
    result: z.object({ transferId: TransferId, offset: FileSize, url: z.string() }),
  },
  /** Every byte is there: the endpoint checks the SHA-256 and only then renames the temporary file to its name. */
  'session.files.uploadFinish': {
    params: z.object({ transferId: TransferId, sha256: Sha256Hex }),
    result: z.object({ size: FileSize, sha256: Sha256Hex, display: z.string() }),
  },
  /** Start a download: GET `url` (Range: bytes=N- resumes); the completed progress event carries the file's SHA-256. */
  'session.files.download': {
    params: z.object({ sessionId: SessionId, ...Ref }),
    result: z.object({ transferId: TransferId, name: z.string(), size: FileSize, url: z.string() }),
  },
  /** Stop a transfer: its byte stream is cut and an upload's temporary file removed. */
  'session.files.cancel': { params: z.object({ transferId: TransferId }), result: Empty },
} as const;

export const fileEvents = {
  /** A transfer of the rep's moved on, finished, failed or was cancelled (a few times a second at most). */
  'session.files.progress': TransferProgress,
} as const;

/** What the appliance asks an endpoint (real agent or emulated) to do with its files. */
export const fileAgentMethods = {
  'files.browse': {
    params: z.object({ volume: FileVolumeIndex, path: FileRelPath }),
    result: z.object({ volumes: z.array(FileVolume), display: z.string(), entries: z.array(FileEntry), truncated: z.boolean() }),
  },
  'files.mkdir': { params: z.object({ volume: FileVolumeIndex, path: FileRelPath, name: FileName }), result: Empty },
  'files.rename': { params: z.object({ volume: FileVolumeIndex, path: FileRelPath, name: FileName }), result: Empty },
  'files.delete': { params: z.object({ volume: FileVolumeIndex, paths: z.array(FileRelPath).min(1).max(1000) }), result: z.object({ deleted: z.number().int() }) },
  /** Opens (or finds again) the temporary file for upload `key`; answers how many bytes it already holds. */
  'files.upload.begin': {
    params: z.object({ key: UploadKey, volume: FileVolumeIndex, path: FileRelPath, name: FileName, size: FileSize, overwrite: z.boolean() }),
    result: z.object({ offset: FileSize }),
  },
  /** Pull bytes from `offset` over the data link and append them; answers once the link ends. */
  'files.upload.data': {
    params: z.object({ key: UploadKey, offset: FileSize, link: DataLink }),
    result: z.object({ received: FileSize }),
  },
  /** All bytes arrived: compare SHA-256, flush, rename to the final name. */
  'files.upload.finish': {
    params: z.object({ key: UploadKey, sha256: Sha256Hex }),
    result: z.object({ size: FileSize, sha256: Sha256Hex, display: z.string() }),
  },
  'files.download.begin': {
    params: z.object({ volume: FileVolumeIndex, path: FileRelPath }),
    result: z.object({ name: z.string(), size: FileSize, modifiedAt: z.string(), display: z.string() }),
  },
  /** Push the file from `offset` over the data link; answers with the whole file's SHA-256 once sent. */
  'files.download.data': {
    params: z.object({ volume: FileVolumeIndex, path: FileRelPath, offset: FileSize, link: DataLink }),
    result: z.object({ sent: FileSize, sha256: Sha256Hex }),
  },
  /** Forget upload `key` and remove its temporary file. */
  'files.cancel': { params: z.object({ key: UploadKey }), result: Empty },
} as const;

export const FILE_SIZE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A file size scaled to decimal units with three significant digits at most (1.23 MB, 12.3 MB,
 * 123 MB), or null under 1000 bytes (said as bytes). The session log (formatFileSize) and the
 * console (in the rep's language) word it each their way.
 */
export function scaleFileSize(bytes: number): { value: number; unit: (typeof FILE_SIZE_UNITS)[number]; digits: 0 | 1 | 2 } | null {
  if (bytes < 1000) return null;
  let value = bytes / 1000;
  let i = 0;
  while (value >= 1000 && i < FILE_SIZE_UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return { value, unit: FILE_SIZE_UNITS[i]!, digits: value >= 100 ? 0 : value >= 10 ? 1 : 2 };
}

/** 1.2 MB, 340 KB, 17 bytes: sizes as the session log says them. */
export function formatFileSize(bytes: number): string {
  const s = scaleFileSize(bytes);
  return s ? `${s.value.toFixed(s.digits)} ${s.unit}` : `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
