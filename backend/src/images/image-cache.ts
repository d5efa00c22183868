import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_TYPES, type ImageType } from './image-type';

const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};
const TYPE_BY_EXTENSION = new Map(IMAGE_TYPES.map((type) => [EXTENSIONS[type], type]));

interface Entry {
  file: string;
  type: ImageType;
  bytes: number;
}

export interface CachedImage {
  type: ImageType;
  body: Buffer;
}

/**
 * Proxied images on disk (DATA_DIR/images), one file per source address named by its SHA-256, at
 * most `maxBytes` together: the least recently used go first. The index lives in memory and is
 * rebuilt from the folder at start, oldest files first.
 */
export class ImageCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
    const files = readdirSync(dir)
      .map((file) => ({ file, match: /^([0-9a-f]{64})\.(\w+)$/.exec(file) }))
      .filter(({ match }) => match && TYPE_BY_EXTENSION.has(match[2]))
      .map(({ file, match }) => ({ file, key: match![1], type: TYPE_BY_EXTENSION.get(match![2])!, stat: statSync(join(dir, file)) }))
      .sort((a, b) => a.stat.atimeMs - b.stat.atimeMs);
    for (const { file, key, type, stat } of files) this.remember(key, { file, type, bytes: stat.size });
  }

  static keyOf(url: string): string {
    return createHash('sha256').update(url).digest('hex');
  }

  get sizeBytes(): number {
    return this.total;
  }

  async get(url: string): Promise<CachedImage | null> {
    const key = ImageCache.keyOf(url);
    const entry = this.entries.get(key);
    if (!entry) return null;
    try {
      const body = await readFile(join(this.dir, entry.file));
      this.remember(key, entry); // now the most recently used
      return { type: entry.type, body };
    } catch {
      this.forget(key);
      return null;
    }
  }

  async put(url: string, image: CachedImage): Promise<void> {
    if (image.body.length > this.maxBytes) return;
    const key = ImageCache.keyOf(url);
    const file = `${key}.${EXTENSIONS[image.type]}`;
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = join(this.dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temporary, image.body);
    await rename(temporary, join(this.dir, file));
    const previous = this.entries.get(key);
    if (previous && previous.file !== file) await unlink(join(this.dir, previous.file)).catch(() => undefined);
    this.remember(key, { file, type: image.type, bytes: image.body.length });
    await this.evict();
  }

  private remember(key: string, entry: Entry): void {
    this.forget(key);
    this.entries.set(key, entry);
    this.total += entry.bytes;
  }

  private forget(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.total -= entry.bytes;
    }
    return entry;
  }

  private async evict(): Promise<void> {
    for (const key of this.entries.keys()) {
      if (this.total <= this.maxBytes) return;
      const entry = this.forget(key)!;
      await unlink(join(this.dir, entry.file)).catch(() => undefined);
    }
  }
}
