import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connectWithRetry, DEFAULT_CONNECT_OPTIONS, type ConnectOptions } from './connect';
import { dataSourceOptions, type DatabaseTarget } from './data-source';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget, connect: ConnectOptions = DEFAULT_CONNECT_OPTIONS): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(target), retryAttempts: 0 }),
          // Our own retry: backoff, one clear line per attempt, then the reason and a non-zero exit.
          dataSourceFactory: async (options) => connectWithRetry(new DataSource(options!), connect),
        }),
      ],
      providers: [{ provide: DATABASE_TARGET, useValue: target }],
      exports: [DATABASE_TARGET],
    };
  }
}
