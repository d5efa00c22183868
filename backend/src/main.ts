import 'reflect-metadata';
import { createApp } from './app/create-app';
import { createRootLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);
  try {
    const app = await createApp(config, { logger });
    await app.listen({ port: config.port, host: '0.0.0.0' });
    logger.info({ url: config.publicUrl, database: config.databaseUrl ? 'postgres' : `pglite in ${config.dataDir}` }, 'Welcome Ruhr is ready');
  } catch (error) {
    logger.fatal({ err: error }, `Start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
