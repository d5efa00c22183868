import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TopicDto } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { DEFAULT_TAXONOMY, type TopicTaxonomy } from '../ingestion/enrich/topic-taxonomy';
import { TopicEntity } from './topic.entity';

/** The topic taxonomy from the database (seeded from DEFAULT_TAXONOMY), kept in memory between edits. */
@Injectable()
export class TaxonomyService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TaxonomyService.name);
  private cached: Promise<TopicTaxonomy> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const repository = this.dataSource.getRepository(TopicEntity);
    if ((await repository.count()) > 0) return;
    await repository
      .createQueryBuilder()
      .insert()
      .values(DEFAULT_TAXONOMY.map((t, position) => ({ slug: t.slug, labels: t.labels, keywords: t.keywords, position })))
      .orIgnore()
      .execute();
    this.logger.log(`Seeded ${DEFAULT_TAXONOMY.length} topics`);
  }

  /** The same object until the taxonomy is edited, so taggers can reuse their compiled form. */
  current(): Promise<TopicTaxonomy> {
    this.cached ??= this.list().then((topics) =>
      topics.map((t) => ({ slug: t.slug, labels: { de: t.labels['de'] ?? t.slug, en: t.labels['en'] ?? t.slug }, keywords: t.keywords })),
    );
    return this.cached;
  }

  async list(): Promise<TopicDto[]> {
    const rows = await this.dataSource.getRepository(TopicEntity).find({ order: { position: 'ASC', slug: 'ASC' } });
    return rows.map((r) => ({ slug: r.slug, labels: r.labels, keywords: r.keywords, position: r.position }));
  }

  async slugs(): Promise<string[]> {
    return (await this.current()).map((t) => t.slug);
  }

  /** After an edit: the next `current()` reads the database again. */
  invalidate(): void {
    this.cached = null;
  }
}
