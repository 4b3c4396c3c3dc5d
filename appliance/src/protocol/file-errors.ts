/**
 * The error codes of file transfer, spread into ERRORS (errors.ts). The path refusals are stable:
 * the appliance and every endpoint (real agent or emulated) answer the same hostile path with the
 * same code. Imports nothing, so errors.ts stays free of import cycles.
 */
export const FILE_ERRORS = {
  E_PATH_TRAVERSAL: 'A path may not climb out of its folder with "..".',
  E_PATH_ABSOLUTE: 'Paths are relative to one of the volumes the remote computer allows; an absolute path is refused.',
  E_PATH_DRIVE: 'Paths are relative to one of the volumes the remote computer allows; a drive letter is refused.',
  E_PATH_UNC: 'Network (UNC) paths are refused.',
  E_PATH_SYMLINK: 'That path leads through a link to a place outside the folders the remote computer allows.',
  E_PATH_VOLUME: 'That volume does not exist on the remote computer.',
  E_FILE_NAME_INVALID: 'That name cannot be used for a file or folder.',
  E_FILE_EXISTS: 'A file or folder with that name already exists there.',
  E_FILE_NOT_FOUND: 'That file or folder does not exist on the remote computer.',
  E_FILE_IS_FOLDER: 'That is a folder: only files can be downloaded.',
  E_FILE_TRANSFER_NOT_FOUND: 'That file transfer has ended. Start it again.',
  E_FILE_TRANSFER_BUSY: 'That file transfer is already moving bytes. Wait for it or cancel it.',
  E_FILE_OFFSET_MISMATCH: 'The transfer did not continue where the receiver stopped. Ask it how many bytes it has and resume from there.',
  E_FILE_INCOMPLETE: 'The file has not been received completely yet.',
  E_FILE_HASH_MISMATCH: 'The file arrived damaged (its SHA-256 does not match the original), so it was discarded.',
  E_FILE_CANCELLED: 'The file transfer was cancelled.',
  E_FILE_IO: 'The remote computer could not read or write that file.',
  E_FILE_UPLOAD_FORBIDDEN: 'Your account is not allowed to upload files to the remote computer.',
  E_FILE_DOWNLOAD_FORBIDDEN: 'Your account is not allowed to download files from the remote computer.',
} as const;
