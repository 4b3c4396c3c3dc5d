/**
 * Uploaded images are checked by reading their own structure, never by their name or declared
 * type: a rep's photo must be a real PNG (every chunk's CRC checked, IHDR first, IEND last) or JPEG
 * (segments walked to the frame header and the end marker); the chat banner a Windows 8-bit
 * (256-colour) BMP exactly 480 pixels wide. Each refusal says why, in words for the administrator.
 */
import { crc32 } from 'node:zlib';
import { CodedError } from '../protocol/index.js';

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg' | 'image/bmp';
  width: number;
  height: number;
}

export const PHOTO_MAX_BYTES = 1024 * 1024;
export const PHOTO_MIN_SIDE = 80;
/** Larger pictures are never needed for an 80-pixel avatar and cost the browser memory to decode. */
export const PHOTO_MAX_SIDE = 4096;
export const BANNER_WIDTH = 480;
export const BANNER_MAX_HEIGHT = 200;
export const BANNER_MAX_BYTES = 512 * 1024;

const invalid = (why: string) => new CodedError('E_IMAGE_INVALID', why);

/** A rep's photo: PNG or JPEG, at most 1 MB, at least 80×80. */
export function checkPhoto(data: Buffer): ImageInfo {
  if (data.length === 0) throw invalid('The file is empty.');
  if (data.length > PHOTO_MAX_BYTES) throw new CodedError('E_IMAGE_TOO_LARGE', `The photo is ${formatSize(data.length)}; photos may be at most 1 MB.`);
  const info = isPng(data) ? readPng(data) : isJpeg(data) ? readJpeg(data) : null;
  if (!info) throw invalid('The file is neither a PNG nor a JPEG image.');
  if (info.width < PHOTO_MIN_SIDE || info.height < PHOTO_MIN_SIDE) {
    throw invalid(`The photo is ${info.width}×${info.height} pixels; it must be at least ${PHOTO_MIN_SIDE}×${PHOTO_MIN_SIDE}.`);
  }
  if (info.width > PHOTO_MAX_SIDE || info.height > PHOTO_MAX_SIDE) {
    throw invalid(`The photo is ${info.width}×${info.height} pixels; it may be at most ${PHOTO_MAX_SIDE}×${PHOTO_MAX_SIDE}.`);
  }
  return info;
}

/** The chat banner: a Windows BMP, 8 bits per pixel (256 colours), 480 pixels wide. */
export function checkBanner(data: Buffer): ImageInfo {
  if (data.length === 0) throw invalid('The file is empty.');
  if (data.length > BANNER_MAX_BYTES) throw new CodedError('E_IMAGE_TOO_LARGE', `The banner is ${formatSize(data.length)}; a 480-pixel 256-colour banner is far smaller (at most 512 KB).`);
  if (data.length < 54 || data.toString('latin1', 0, 2) !== 'BM') throw invalid('The file is not a Windows bitmap (.bmp).');
  const headerSize = data.readUInt32LE(14);
  if (headerSize < 40) throw invalid('The bitmap uses an old OS/2 header; save it as a Windows bitmap.');
  const pixelOffset = data.readUInt32LE(10);
  const width = data.readInt32LE(18);
  const rawHeight = data.readInt32LE(22);
  const height = Math.abs(rawHeight);
  const planes = data.readUInt16LE(26);
  const bits = data.readUInt16LE(28);
  const compression = data.readUInt32LE(30);
  const coloursUsed = data.readUInt32LE(46);
  if (planes !== 1) throw invalid('The bitmap header is damaged (planes must be 1).');
  if (bits !== 8) throw invalid(`The bitmap has ${bits} bits per pixel; the banner must be 8-bit (256 colours).`);
  if (width !== BANNER_WIDTH) throw invalid(`The bitmap is ${width} pixels wide; the banner must be exactly ${BANNER_WIDTH} pixels wide.`);
  if (height < 1 || height > BANNER_MAX_HEIGHT) throw invalid(`The bitmap is ${height} pixels high; use 1 to ${BANNER_MAX_HEIGHT} (40 is recommended).`);
  if (compression !== 0 && compression !== 1) throw invalid('The bitmap is compressed in a way Windows 256-colour bitmaps do not use.');
  const colours = coloursUsed === 0 ? 256 : coloursUsed;
  if (colours > 256) throw invalid('The bitmap’s palette is damaged (more than 256 colours).');
  const paletteEnd = 14 + headerSize + colours * 4;
  if (pixelOffset < paletteEnd || pixelOffset > data.length) throw invalid('The bitmap is damaged: its colour table or pixel data is missing.');
  // Uncompressed rows are padded to 4 bytes; 480 is already a multiple.
  if (compression === 0 && data.length - pixelOffset < width * height) throw invalid('The bitmap is truncated: it has fewer pixels than its header says.');
  return { mime: 'image/bmp', width, height };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const isPng = (d: Buffer) => d.length >= 8 && d.subarray(0, 8).equals(PNG_SIGNATURE);
const isJpeg = (d: Buffer) => d.length >= 3 && d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff;

function readPng(d: Buffer): ImageInfo {
  let at = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  let first = true;
  while (at + 12 <= d.length) {
    const length = d.readUInt32BE(at);
    const type = d.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > d.length) throw invalid('The PNG file is truncated or damaged.');
    if (crc32(d.subarray(at + 4, at + 8 + length)) !== d.readUInt32BE(at + 8 + length)) throw invalid('The PNG file is damaged (a checksum does not match).');
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw invalid('The PNG file is damaged (it does not start with an image header).');
      width = d.readUInt32BE(at + 8);
      height = d.readUInt32BE(at + 12);
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) throw invalid('The PNG file has no image data.');
      return { mime: 'image/png', width, height };
    }
    at = end;
  }
  throw invalid('The PNG file is truncated or damaged.');
}

function readJpeg(d: Buffer): ImageInfo {
  let at = 2;
  let size: { width: number; height: number } | null = null;
  while (at + 4 <= d.length) {
    if (d[at] !== 0xff) throw invalid('The JPEG file is damaged.');
    const marker = d[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = d.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > d.length) throw invalid('The JPEG file is truncated or damaged.');
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) throw invalid('The JPEG file is damaged.');
      size = { height: d.readUInt16BE(at + 5), width: d.readUInt16BE(at + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: entropy-coded data follows up to the end-of-image marker.
      if (!size) throw invalid('The JPEG file is damaged (no frame header before the image data).');
      if (d.lastIndexOf(Buffer.from([0xff, 0xd9])) < at + 2 + length) throw invalid('The JPEG file is truncated (it has no end-of-image marker).');
      return { mime: 'image/jpeg', ...size };
    }
    at += 2 + length;
  }
  throw invalid('The JPEG file is truncated or damaged.');
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
