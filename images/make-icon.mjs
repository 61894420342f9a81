// Draws images/icon.png (128x128, the Marketplace icon) with Node built-ins only: three staggered
// "waves" applied one after another on a dark rounded square. Run: node images/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** Shapes painted in order; each is [inside(x, y) -> boolean, [r, g, b]]. */
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const shapes = [
  [roundedRect(4, 4, 124, 124, 24), [0x1f, 0x2a, 0x44]],
  // connectors: the flow from one wave to the next
  [roundedRect(25, 40, 31, 62, 2), [0x8a, 0x9b, 0xbd]],
  [roundedRect(25, 56, 46, 62, 2), [0x8a, 0x9b, 0xbd]],
  [roundedRect(49, 74, 55, 96, 2), [0x8a, 0x9b, 0xbd]],
  [roundedRect(49, 90, 70, 96, 2), [0x8a, 0x9b, 0xbd]],
  // wave -1, wave 0, wave 1
  [roundedRect(18, 20, 74, 42, 7), [0xef, 0x7b, 0x4d]],
  [roundedRect(42, 50, 98, 72, 7), [0x18, 0xbe, 0xd4]],
  [roundedRect(66, 84, 112, 106, 7), [0x7c, 0xd9, 0x8c]],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES, y = py + (sy + 0.5) / SAMPLES;
        let color;
        for (const [inside, c] of shapes) if (inside(x, y)) color = c;
        if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
      }
    }
    const o = (py * SIZE + px) * 4;
    if (a > 0) { rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a); }
    rgba[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0 per row
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
