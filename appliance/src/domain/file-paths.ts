/**
 * The rules for paths and names in File Transfer, pure (no file system): the appliance applies them
 * to every request before it reaches an endpoint, and every endpoint applies them again before it
 * touches a disk (then also checks, with realpath, that no symbolic link leads out of the volume).
 * A path is relative to one of the endpoint's volumes; each hostile shape has its own stable code.
 */
import { CodedError } from '../protocol/index.js';

/** Upload temporary files: `.~rc-<key>.part` in the target folder, renamed only when complete. */
export const TEMP_PREFIX = '.~rc-';
export const TEMP_SUFFIX = '.part';

const CONTROL = /[\u0000-\u001f\u007f]/;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A file or folder name as the rep typed it: one segment, portable to Windows, macOS and Linux. */
export function checkName(name: string): string {
  if (CONTROL.test(name)) throw new CodedError('E_FILE_NAME_INVALID', 'Names may not contain control characters.');
  if (name.split(/[\\/]/).includes('..')) throw new CodedError('E_PATH_TRAVERSAL');
  if (/[\\/]/.test(name)) throw new CodedError('E_FILE_NAME_INVALID', 'Names may not contain / or \\.');
  if (/^\.+$/.test(name) || name.trim() === '') throw new CodedError('E_FILE_NAME_INVALID');
  if (WINDOWS_FORBIDDEN.test(name)) throw new CodedError('E_FILE_NAME_INVALID', 'Names may not contain < > : " | ? *.');
  if (/[. ]$/.test(name)) throw new CodedError('E_FILE_NAME_INVALID', 'Names may not end with a dot or a space.');
  if (DEVICE.test(name)) throw new CodedError('E_FILE_NAME_INVALID', `"${name}" is a reserved device name on Windows.`);
  if (new TextEncoder().encode(name).length > 255) throw new CodedError('E_FILE_NAME_INVALID', 'Names are limited to 255 bytes.');
  if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) throw new CodedError('E_FILE_NAME_INVALID', 'That name is reserved for files being transferred.');
  return name;
}

/**
 * The segments of a path below a volume. Refused: NUL and control characters, UNC (\\server\share,
 * //server, \\?\), drive letters (C:, C:\), absolute paths (/, \, ~), any `..` segment, and names a
 * Windows endpoint would read differently (device names, trailing dots). `.` and empty segments drop.
 */
export function pathSegments(path: string): string[] {
  if (CONTROL.test(path)) throw new CodedError('E_FILE_NAME_INVALID', 'Paths may not contain control characters.');
  if (/^[\\/]{2}/.test(path)) throw new CodedError('E_PATH_UNC');
  if (/^[A-Za-z]:/.test(path)) throw new CodedError('E_PATH_DRIVE');
  if (/^[\\/]/.test(path) || path.startsWith('~')) throw new CodedError('E_PATH_ABSOLUTE');
  const out: string[] = [];
  for (const seg of path.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') throw new CodedError('E_PATH_TRAVERSAL');
    // `./~` is `~` once normalized: the home-directory rule holds for the first real segment.
    if (out.length === 0 && seg.startsWith('~')) throw new CodedError('E_PATH_ABSOLUTE');
    if (/^[A-Za-z]:$/.test(seg)) throw new CodedError('E_PATH_DRIVE');
    out.push(checkName(seg));
  }
  return out;
}

/** The normalized form of a relative path ('' = the volume itself). */
export function normalizePath(path: string): string {
  return pathSegments(path).join('/');
}

/** The folder above a relative path, or null at the volume's top. */
export function parentPath(path: string): string | null {
  const segs = pathSegments(path);
  return segs.length === 0 ? null : segs.slice(0, -1).join('/');
}

/** A path and a name below it. */
export function childPath(path: string, name: string): string {
  return [...pathSegments(path), checkName(name)].join('/');
}

/** Breadcrumbs from the volume (path '') down to `path`. */
export function breadcrumbs(volumeName: string, path: string): { name: string; path: string }[] {
  const segs = pathSegments(path);
  return [{ name: volumeName, path: '' }, ...segs.map((name, i) => ({ name, path: segs.slice(0, i + 1).join('/') }))];
}
