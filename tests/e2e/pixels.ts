import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/**
 * The colour of one pixel of what the page shows now, as `rgb(r, g, b)`: from
 * a 1×1 screenshot, read from its PNG (8-bit RGB or RGBA; the one pixel of the
 * one row comes out of every PNG filter unchanged).
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<string> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, type: 'png' });
  let offset = 8;
  let colourType = -1;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      if (body.readUInt8(8) !== 8) throw new Error('not an 8-bit PNG');
      colourType = body.readUInt8(9);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (colourType !== 2 && colourType !== 6) throw new Error(`PNG colour type ${colourType}`);
  const [, r, g, b] = inflateSync(Buffer.concat(data));
  return `rgb(${r}, ${g}, ${b})`;
}
