import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TopicDto } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ContentEvents } from '../items/content-events';
import { topicProblems, TOPIC_SLUG, type SaveTopicDto } from './dto/save-topic.dto';
import { TaxonomyService } from './taxonomy.service';
import { TopicEntity } from './topic.entity';

function toDto(row: TopicEntity): TopicDto {
  return { slug: row.slug, labels: row.labels, keywords: row.keywords, position: row.position };
}

function cleanKeywords(keywords: Record<string, string[]>): Record<string, string[]> {
  const cleaned: Record<string, string[]> = {};
  for (const [language, list] of Object.entries(keywords)) {
    const distinct = [...new Set(list.map((keyword) => keyword.normalize('NFC').trim()))];
    if (distinct.length > 0) cleaned[language] = distinct;
  }
  return cleaned;
}

/** Admins edit the topic taxonomy; taggers pick up the change through TaxonomyService.invalidate(). */
@Injectable()
export class TaxonomyEditorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly events: ContentEvents,
  ) {}

  /** Creates the topic or replaces its labels and keywords; existing items keep their tags until re-tagged. */
  async save(actor: AuthUser, slug: string, body: SaveTopicDto): Promise<TopicDto> {
    if (!TOPIC_SLUG.test(slug)) {
      throw DomainError.invalidField('slug', 'must start with a letter and hold 2 to 40 lower-case letters, digits or hyphens');
    }
    const problems = topicProblems(body);
    if (problems.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, problems.map((p) => `${p.field} ${p.problem}`).join('; '), { fields: problems });
    }
    const labels = Object.fromEntries(Object.entries(body.labels).map(([language, label]) => [language, label.trim()]));
    const keywords = cleanKeywords(body.keywords);

    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TopicEntity);
      const existing = await repository.findOne({ where: { slug }, lock: { mode: 'pessimistic_write' } });
      const position =
        body.position ??
        existing?.position ??
        Number((await repository.createQueryBuilder('t').select('coalesce(max(t.position) + 1, 0)', 'next').getRawOne<{ next: number }>())?.next ?? 0);
      const row = await repository.save(repository.create({ slug, labels, keywords, position }));
      await this.audit.record(
        {
          actorId: actor.id,
          action: existing ? 'topic.update' : 'topic.create',
          entityType: 'topic',
          entityId: slug,
          before: existing ? toDto(existing) : null,
          after: toDto(row),
        },
        manager,
      );
      return row;
    });
    this.taxonomy.invalidate();
    return toDto(saved);
  }

  /** Removes the topic, and its tag from every item, so that feeds are not left with a topic nobody can filter by. */
  async remove(actor: AuthUser, slug: string): Promise<void> {
    const retagged = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TopicEntity);
      const existing = await repository.findOne({ where: { slug }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw DomainError.notFound('The topic');
      await repository.delete({ slug });
      const [, count] = (await manager.query(
        `UPDATE items SET topics = array_remove(topics, $1), updated_at = now() WHERE topics @> ARRAY[$1]::text[]`,
        [slug],
      )) as [unknown, number];
      await this.audit.record(
        { actorId: actor.id, action: 'topic.delete', entityType: 'topic', entityId: slug, before: toDto(existing), after: { itemsRetagged: count } },
        manager,
      );
      return count;
    });
    this.taxonomy.invalidate();
    if (retagged > 0) this.events.itemsChanged();
  }
}
