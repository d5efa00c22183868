import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** A rendered response: the body once as bytes, its strong ETag, and compressed copies made on first demand. */
export class FeedResponse {
  readonly etag: string;
  private gzip: Buffer | null = null;
  private brotli: Buffer | null = null;

  constructor(
    readonly body: Buffer,
    /** The content version the body shows. */
    readonly version: bigint,
    readonly createdAt: number,
  ) {
    this.etag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  }

  /** Small bodies are not worth compressing. */
  get compressible(): boolean {
    return this.body.length >= 1024;
  }

  gzipped(): Buffer {
    return (this.gzip ??= gzipSync(this.body, { level: 6 }));
  }

  brotlied(): Buffer {
    // Quality 5 compresses a feed page in well under a millisecond and nearly as small as 11.
    return (this.brotli ??= brotliCompressSync(this.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: this.body.length } }));
  }
}

/** A bounded map of rendered responses; the least recently used go first. */
export class FeedCache {
  private readonly entries = new Map<string, FeedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): FeedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry && this.entries.size > 1) {
      // Move to the young end.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: FeedResponse): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldKey);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      this.bytes -= entry.body.length;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
