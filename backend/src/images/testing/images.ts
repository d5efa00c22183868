/** The smallest files of each type that their magic numbers recognise (a real 1×1 PNG among them). */
export const IMAGES = {
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(30, 2)]),
  webp: Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(30, 3)]),
  avif: Buffer.concat([Buffer.from('\x00\x00\x00\x1cftypavif', 'latin1'), Buffer.alloc(30, 4)]),
};
