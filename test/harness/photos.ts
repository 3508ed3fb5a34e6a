import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Real photo files for the photo checks: JPEGs encoded by jpeg-js and PNGs by pngjs, of a given
 * pixel size. A JPEG is brought to a file size with comment segments (FFFE), which every reader
 * skips: the picture, its type and its pixel size stay what they are.
 */

/** A smooth portrait-like picture: a light background and a darker oval. */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const dx = (x - width / 2) / (width / 3);
      const dy = (y - height / 2.5) / (height / 3);
      const inside = dx * dx + dy * dy < 1;
      data[i] = inside ? 90 + (y % 50) : 235;
      data[i + 1] = inside ? 70 + (x % 40) : 240;
      data[i + 2] = inside ? 60 : 250;
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A JPEG of `width` × `height` pixels, padded to about `kb` KB when given (never cut). */
export function makeJpeg(width: number, height: number, kb?: number): Buffer {
  const encoded = jpeg.encode({ data: pixels(width, height), width, height }, 80).data;
  const base = Buffer.from(encoded);
  if (kb === undefined || base.length >= kb * 1024) return base;
  let missing = kb * 1024 - base.length;
  const segments: Buffer[] = [];
  while (missing > 4) {
    const body = Math.min(missing - 4, 65533);
    const segment = Buffer.alloc(body + 4, 0x20);
    segment[0] = 0xff;
    segment[1] = 0xfe;
    segment.writeUInt16BE(body + 2, 2);
    segments.push(segment);
    missing -= body + 4;
  }
  // After SOI (FFD8): comments are allowed anywhere before the first frame.
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
}

/** A PNG of `width` × `height`; `noisyRows` rows of noise make it larger (they do not compress). */
export function makePng(width: number, height: number, noisyRows = 0): Buffer {
  const png = new PNG({ width, height });
  pixels(width, height).copy(png.data);
  let seed = 7;
  for (let y = 0; y < Math.min(noisyRows, height); y += 1) {
    for (let x = 0; x < width * 4; x += 1) {
      if (x % 4 === 3) continue;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      png.data[y * width * 4 + x] = seed & 0xff;
    }
  }
  return PNG.sync.write(png);
}
