import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface ConnectOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_CONNECT_OPTIONS: ConnectOptions = { attempts: 6, firstDelayMs: 500, maxDelayMs: 8000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An unreachable database is logged plainly and retried with backoff before the start gives up. */
export async function connectWithRetry(
  dataSource: DataSource,
  options: ConnectOptions = DEFAULT_CONNECT_OPTIONS,
  logger = new Logger('Database'),
): Promise<DataSource> {
  let delay = options.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      return dataSource;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt >= options.attempts) {
        throw new Error(`Database unreachable after ${attempt} attempts: ${reason}`);
      }
      logger.warn(`Database not reachable (attempt ${attempt} of ${options.attempts}): ${reason}; retrying in ${delay} ms`);
      await sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  }
}
