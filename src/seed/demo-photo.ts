import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 120;
const HEIGHT = 160;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A placeholder ID photo for the demo (3:4, greyscale PNG, a few KB): a head and shoulders on a light ground,
 * drawn here so that the seed ships no picture of anyone.
 */
export function placeholderPortrait(): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(WIDTH + 1); // filter byte 0, then one grey byte per pixel
    for (let x = 0; x < WIDTH; x++) {
      const head = ((x - 60) / 27) ** 2 + ((y - 62) / 34) ** 2 <= 1;
      const shoulders = y > 108 && ((x - 60) / 56) ** 2 + ((y - 170) / 62) ** 2 <= 1;
      row[x + 1] = head ? 150 : shoulders ? 70 : 232;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
