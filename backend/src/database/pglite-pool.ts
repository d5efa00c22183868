import { PGlite } from '@electric-sql/pglite';
import { setFlagsFromString } from 'node:v8';
import { PGliteDriver } from 'typeorm-pglite';

/**
 * PostgreSQL's default 128 MB of shared buffers triple the embedded database's idle memory: PGlite's buffer
 * pool lives in its WebAssembly memory and is resident in full. The operating system caches PGlite's files
 * anyway; 8 MB instead of 16 MB saved ≈ 10 MB of idle memory and ingested no slower. See docs/benchmarks.md.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB', '-c', 'work_mem=4MB'];

/**
 * V8 recompiles PGlite's hot WebAssembly functions with its optimizing compiler (TurboFan) on background
 * threads. At start-up that costs CPU, and the compilers' freed memory stays in the threads' malloc arenas:
 * about 40 MB of idle memory the process never returns. PGlite's queries ran no slower on the baseline compiler
 * (Liftoff) alone. The flag only concerns WebAssembly, and must be set before PGlite compiles its module.
 */
export const PGLITE_NODE_FLAGS = ['--liftoff-only'];

/**
 * typeorm-pglite hands every caller the one PGlite connection at once, so two concurrent
 * transactions would interleave their statements. PGlite is a single connection anyway:
 * like a pg pool of size 1, a caller holds it from `connect` until it releases it.
 */
export function serializedPGliteDriver(options: { dataDir?: string }): unknown {
  setFlagsFromString(PGLITE_NODE_FLAGS.join(' '));
  const Base = (new PGliteDriver({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), startParams: PGLITE_START_PARAMS }).driver as unknown as { Pool: PoolClass }).Pool;

  class SerializedPool extends Base {
    private queue: Promise<void> = Promise.resolve();

    override connect(callback: ConnectCallback): Promise<void> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = this.queue;
      this.queue = previous.then(() => turn);
      return previous.then(() =>
        super.connect((error, client) => {
          let released = false;
          callback(error, client, () => {
            if (!released) {
              released = true;
              release();
            }
          });
        }),
      );
    }
  }
  return { Pool: SerializedPool };
}

type ConnectCallback = (error: unknown, client: unknown, done: () => void) => void;
interface PoolClass {
  new (): { connect(callback: ConnectCallback): Promise<void> };
}
