/**
 * Writes docs/screenshots/virtual-desktop-{all-colors,black-and-white}.png: a demo Windows
 * endpoint's primary monitor as a viewer receives it (keyframe → packFrame → unpackFrame →
 * inflate → paintTiles), with the pointer drawn where the frame says. Run from the repo root:
 *
 *   npx esbuild appliance/src/desktop/write-screenshots.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=out/write-screenshots.mjs && node out/write-screenshots.mjs
 */
import { writeFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { packFrame, paintTiles, unpackFrame, type ColorMode } from '../protocol/screen-frames.js';
import { drawCursor } from './cursor.js';
import { encodePng } from './png.js';
import { demoDesktop } from './presets.js';
import { VirtualDesktop } from './virtual-desktop.js';

const desk = new VirtualDesktop(demoDesktop('windows', 'WS-042', 'ana', { now: () => new Date(2025, 2, 4, 10, 42) }));
desk.setControl('docs', true);
desk.input('docs', { kind: 'text', text: '  3. Printed a test page: jams after page 2\n\nCalled support, session WS-042.' });
desk.input('docs', { kind: 'pointer', monitorId: '1', action: 'move', x: 1090, y: 520 });

for (const mode of ['all-colors', 'black-and-white'] as ColorMode[]) {
  const frame = unpackFrame(packFrame(desk.frame(`docs-${mode}`, { monitor: '1', colorMode: mode })));
  const image = { width: frame.width, height: frame.height, data: new Uint8Array(frame.width * frame.height * 4) };
  paintTiles(frame, inflateRawSync(frame.data), image);
  if (frame.cursor) drawCursor(image.data, image.width, image.height, frame.cursor.x, frame.cursor.y, frame.cursor.shape);
  const file = `docs/screenshots/virtual-desktop-${mode}.png`;
  writeFileSync(file, encodePng(image.width, image.height, image.data));
  console.log(`${file}: ${frame.tiles.length} tiles, ${packFrame(frame).length} bytes on the wire`);
}
