/**
 * The chat banner customers see until an administrator uploads one: a 480×40 Windows 8-bit BMP
 * (the same format the upload must have), drawn here as a calm two-colour gradient with a rule.
 */
export function defaultBanner(): Buffer {
  const width = 480;
  const height = 40;
  const colours = 256;
  const header = 14 + 40;
  const offset = header + colours * 4;
  const buf = Buffer.alloc(offset + width * height);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(offset, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(8, 28);
  buf.writeUInt32LE(0, 30);
  buf.writeUInt32LE(width * height, 34);
  buf.writeUInt32LE(colours, 46);
  // Palette: 0..254 a gradient from deep blue to teal; 255 a light rule colour. Entries are B, G, R, 0.
  const from = [0x1e, 0x3a, 0x8a];
  const to = [0x0f, 0x76, 0x6e];
  for (let i = 0; i < 255; i++) {
    const t = i / 254;
    const [r, g, b] = from.map((c, k) => Math.round(c + (to[k]! - c) * t)) as [number, number, number];
    buf.writeUInt8(b, header + i * 4);
    buf.writeUInt8(g, header + i * 4 + 1);
    buf.writeUInt8(r, header + i * 4 + 2);
  }
  buf.writeUInt8(0xf0, header + 255 * 4);
  buf.writeUInt8(0xe6, header + 255 * 4 + 1);
  buf.writeUInt8(0xd9, header + 255 * 4 + 2);
  // Rows bottom-up; the bottom two rows are the rule.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) buf.writeUInt8(y < 2 ? 255 : Math.round((x / (width - 1)) * 254), offset + y * width + x);
  }
  return buf;
}
