import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageCache } from './image-cache';

describe('ImageCache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wr-images-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const image = (bytes: number, fill = 1) => ({ type: 'image/png' as const, body: Buffer.alloc(bytes, fill) });

  it('keeps images on disk and finds them again after a restart', async () => {
    const cache = new ImageCache(dir, 1000);
    await cache.put('https://a.example/1.png', image(100));
    expect(readdirSync(dir)).toEqual([`${ImageCache.keyOf('https://a.example/1.png')}.png`]);

    const reopened = new ImageCache(dir, 1000);
    expect(reopened.sizeBytes).toBe(100);
    expect(await reopened.get('https://a.example/1.png')).toEqual(image(100));
    expect(await reopened.get('https://a.example/2.png')).toBeNull();
  });

  it('stays within its bound, dropping the least recently used first', async () => {
    const cache = new ImageCache(dir, 250);
    await cache.put('https://a.example/1.png', image(100, 1));
    await cache.put('https://a.example/2.png', image(100, 2));
    await cache.get('https://a.example/1.png'); // 2 is now the least recently used
    await cache.put('https://a.example/3.png', image(100, 3));

    expect(cache.sizeBytes).toBe(200);
    expect(await cache.get('https://a.example/2.png')).toBeNull();
    expect(await cache.get('https://a.example/1.png')).not.toBeNull();
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('does not keep an image larger than the whole bound', async () => {
    const cache = new ImageCache(dir, 50);
    await cache.put('https://a.example/big.png', image(100));
    expect(cache.sizeBytes).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
