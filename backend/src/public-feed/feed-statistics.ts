import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const REFRESH_MS = 10 * 60_000;

export type ArrayColumn = 'cities' | 'topics';

interface ColumnStatistics {
  rows: number;
  frequencies: Map<string, number>;
}

/**
 * How many items carry a city or topic, from the statistics PostgreSQL keeps for the planner
 * (`pg_stats.most_common_elems`). The planner itself guesses 0.5 % of the table for any value it has no
 * statistics for (a small town, a new topic), which makes it walk the feed's index for rows that are
 * not there; the feed asks here first and reads such rare rows from the GIN index instead.
 */
@Injectable()
export class FeedStatistics {
  private readonly logger = new Logger(FeedStatistics.name);
  private columns: Map<ArrayColumn, ColumnStatistics> | null = null;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * About how many items carry any of `values` in `column`; null while no statistics are known (a table
   * never analyzed). A value missing from the statistics counts as none: too rare to be sampled.
   */
  estimatedRows(column: ArrayColumn, values: readonly string[]): number | null {
    this.refreshSoon();
    const statistics = this.columns?.get(column);
    if (!statistics) return null;
    const share = values.reduce((sum, value) => sum + (statistics.frequencies.get(value) ?? 0), 0);
    return Math.min(1, share) * statistics.rows;
  }

  /** For tests: read the statistics now. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private refreshSoon(): void {
    if (Date.now() - this.loadedAt > REFRESH_MS) void this.refresh();
  }

  private async load(): Promise<void> {
    this.loadedAt = Date.now();
    try {
      const rows: Array<{ column: ArrayColumn; elements: string[] | null; frequencies: number[] | null; rows: number }> = await this.dataSource.query(
        `SELECT s.attname AS column, s.most_common_elems::text::text[] AS elements, s.most_common_elem_freqs AS frequencies,
                greatest(c.reltuples, 0)::float8 AS rows
           FROM pg_stats s JOIN pg_class c ON c.oid = to_regclass('items')
          WHERE s.schemaname = current_schema() AND s.tablename = 'items' AND s.attname IN ('cities', 'topics')`,
      );
      const columns = new Map<ArrayColumn, ColumnStatistics>();
      for (const row of rows) {
        const frequencies = new Map<string, number>();
        (row.elements ?? []).forEach((element, i) => frequencies.set(element, Number(row.frequencies?.[i] ?? 0)));
        columns.set(row.column, { rows: Number(row.rows), frequencies });
      }
      this.columns = columns.size > 0 ? columns : null;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the planner statistics of items');
    }
  }
}
