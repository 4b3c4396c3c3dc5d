/** Small real image files made in memory for upload tests: PNG (zlib), a structurally valid JPEG, Windows BMPs of any depth and width. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A real RGB PNG, a diagonal gradient; `noise` pads it with incompressible pixels to reach a size. */
export function makePng(width: number, height: number, noise = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      if (noise) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        raw[i] = seed >>> 24;
        raw[i + 1] = (seed >>> 16) & 0xff;
        raw[i + 2] = (seed >>> 8) & 0xff;
      } else {
        raw[i] = 40 + ((x * 180) / width) | 0;
        raw[i + 1] = 90 + ((y * 120) / height) | 0;
        raw[i + 2] = 200;
      }
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: noise ? 0 : 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A PNG signature followed by garbage: what a renamed or forged file looks like. */
export function fakePng(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('this is not really an image, just text pretending to be one'.repeat(20))]);
}

/** A JPEG's structure (SOI, APP0, SOF0 with the size, SOS, data, EOI). */
export function makeJpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, sos, Buffer.alloc(64, 0x55), Buffer.from([0xff, 0xd9])]);
}

/** A Windows BMP (BITMAPINFOHEADER); 8-bit ones carry a 256-colour palette. */
export function makeBmp(width: number, height: number, bits = 8): Buffer {
  const palette = bits === 8 ? 256 * 4 : 0;
  const rowBytes = Math.ceil((width * bits) / 32) * 4;
  const offset = 54 + palette;
  const buf = Buffer.alloc(offset + rowBytes * height);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(offset, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(bits, 28);
  buf.writeUInt32LE(bits === 8 ? 256 : 0, 46);
  for (let i = 0; i < 256 && bits === 8; i++) {
    buf[54 + i * 4] = 200; // B
    buf[54 + i * 4 + 1] = i; // G
    buf[54 + i * 4 + 2] = 255 - i; // R
  }
  for (let y = 0; y < height; y++) for (let x = 0; x < rowBytes; x++) buf[offset + y * rowBytes + x] = (x + y) & 0xff;
  return buf;
}
