import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DATABASE_TARGET } from '../database/database.module';
import { driverName, type DatabaseTarget } from '../database/data-source';

@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  async check(key = 'database') {
    const indicator = this.indicators.check(key);
    const driver = driverName(this.target);
    const started = performance.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000).unref()),
      ]);
      return indicator.up({ driver, latencyMs: Math.round((performance.now() - started) * 10) / 10 });
    } catch (error) {
      return indicator.down({ driver, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
