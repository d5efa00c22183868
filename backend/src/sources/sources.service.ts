import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SourceDto, SourceStatsDto, SourceType } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PageSubscriptionService } from '../facebook/page-subscription.service';
import { SourceFetchService } from '../ingestion/scheduler/source-fetch.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { CreateSourceDto } from './dto/create-source.dto';
import type { ListSourcesQuery } from './dto/list-sources.query';
import { sourceUrlProblem } from './dto/source-url.validator';
import type { UpdateSourceDto } from './dto/update-source.dto';
import { assertCanAssignCities, assertCanManageSource, assertCanSeeSource } from './source-access';
import { auditSnapshot, NO_ITEMS, toSourceDto } from './source-dto';
import { SourceQueries } from './source-queries';
import { normalizeSourceUrl } from './source-urls';
import { SourceEntity } from './source.entity';

const unique = (values: readonly string[] | undefined): string[] => [...new Set(values ?? [])];

/** Creating, listing, editing and removing sources; "fetch now" hands over to the scheduler's fetch service. */
@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);
  private readonly queries: SourceQueries;
  private readonly secrets: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly fetches: SourceFetchService,
    private readonly pageSubscriptions: PageSubscriptionService,
  ) {
    this.queries = new SourceQueries(dataSource);
    this.secrets = new SecretBox(config.secretKey);
  }

  /** Admins see all sources; moderators those of their cities and the regional ones. */
  async list(viewer: AuthUser, filter: ListSourcesQuery): Promise<SourceDto[]> {
    const sources = await this.queries.listVisible(viewer, filter);
    const counts = await this.queries.itemCounts(sources.map((s) => s.id));
    const now = new Date();
    const dtos = sources.map((s) => toSourceDto(s, counts.get(s.id) ?? NO_ITEMS, now));
    // The state is derived in one place (toSourceDto); there are at most a few thousand sources.
    return filter.state ? dtos.filter((dto) => dto.state === filter.state) : dtos;
  }

  async get(viewer: AuthUser, id: string): Promise<SourceDto> {
    const source = await this.find(id);
    assertCanSeeSource(viewer, source.cities);
    return toSourceDto(source, await this.queries.itemCountsOf(id));
  }

  async create(actor: AuthUser, input: CreateSourceDto): Promise<SourceDto> {
    const cities = unique(input.cities);
    assertCanAssignCities(actor, cities);
    const topics = await this.checkTopics(input.topics);
    const url = input.type === 'facebook_page' ? null : this.normalizeUrl(input.type, input.url);
    const externalId = input.externalId ?? null;

    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertNotTaken(manager, input.type, { url, externalId });
      const repository = manager.getRepository(SourceEntity);
      const source = await this.saveUnique(
        () =>
          repository.save(
            repository.create({
              type: input.type,
              kind: input.kind ?? 'partner',
              name: input.name,
              url,
              externalId,
              cities,
              topics,
              languages: unique(input.languages),
              autoApprove: input.autoApprove ?? false,
              active: input.active ?? true,
              accessTokenEncrypted: input.accessToken ? this.secrets.seal(input.accessToken) : null,
              createdBy: actor.id,
            }),
          ),
        url ? 'url' : 'externalId',
      );
      await this.audit.record(
        { actorId: actor.id, action: 'source.create', entityType: 'source', entityId: source.id, after: auditSnapshot(source) },
        manager,
      );
      return source.id;
    });
    this.logger.log({ sourceId: id, type: input.type }, 'source created');
    if (input.type === 'facebook_page') await this.pageSubscriptions.subscribeSource(id);
    return toSourceDto(await this.find(id), NO_ITEMS);
  }

  /**
   * Any edit also resumes a source that paused itself, with a fresh failure count, due at once. A Facebook
   * page is subscribed to webhooks again when its token or page changed, or when it is not subscribed yet.
   */
  async update(actor: AuthUser, id: string, input: UpdateSourceDto): Promise<SourceDto> {
    const resubscribe = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SourceEntity);
      const source = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!source) throw DomainError.notFound('The source');
      assertCanManageSource(actor, source.cities);
      const before = auditSnapshot(source);

      if (input.cities !== undefined) {
        const cities = unique(input.cities);
        assertCanAssignCities(actor, cities);
        source.cities = cities;
      }
      if (input.topics !== undefined) source.topics = await this.checkTopics(input.topics);
      if (input.languages !== undefined) source.languages = unique(input.languages);
      if (input.name !== undefined) source.name = input.name;
      if (input.kind !== undefined) source.kind = input.kind;
      if (input.autoApprove !== undefined) source.autoApprove = input.autoApprove;
      if (input.active !== undefined) source.active = input.active;
      if (input.accessToken !== undefined) source.accessTokenEncrypted = input.accessToken ? this.secrets.seal(input.accessToken) : null;

      const url = input.url !== undefined && source.type !== 'facebook_page' ? this.normalizeUrl(source.type, input.url) : source.url;
      if (input.url !== undefined && source.type === 'facebook_page') {
        throw DomainError.invalidField('url', 'is only for rss and mastodon sources; a Facebook page is named by externalId');
      }
      const externalId = input.externalId ?? source.externalId;
      if (url !== source.url || externalId !== source.externalId) {
        await this.assertNotTaken(manager, source.type, { url, externalId }, source.id);
        // Another address: its validators and schedule do not carry over.
        source.url = url;
        source.externalId = externalId;
        source.etag = null;
        source.lastModified = null;
        source.feedTtlSeconds = null;
        source.nextFetchAt = new Date();
      }
      if (source.pausedReason) {
        source.pausedReason = null;
        source.consecutiveFailures = 0;
        source.nextFetchAt = new Date();
      }
      await this.saveUnique(() => repository.save(source), input.url !== undefined ? 'url' : 'externalId');
      await this.audit.record(
        { actorId: actor.id, action: 'source.update', entityType: 'source', entityId: id, before, after: auditSnapshot(source) },
        manager,
      );
      return source.type === 'facebook_page' && (input.accessToken !== undefined || externalId !== before['externalId'] || source.webhookState !== 'subscribed');
    });
    if (resubscribe) await this.pageSubscriptions.subscribeSource(id);
    return toSourceDto(await this.find(id), await this.queries.itemCountsOf(id));
  }

  /** Removes the source and its items (rejected ones included: re-adding the source starts afresh). */
  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SourceEntity);
      const source = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!source) throw DomainError.notFound('The source');
      assertCanManageSource(actor, source.cities);
      await repository.delete({ id });
      await this.audit.record(
        { actorId: actor.id, action: 'source.delete', entityType: 'source', entityId: id, before: auditSnapshot(source) },
        manager,
      );
    });
  }

  /**
   * Fetches now, whatever the schedule; resumes a paused source. 409 while another fetch of it runs.
   * A Facebook page not subscribed to webhooks yet is tried again first.
   */
  async fetchNow(actor: AuthUser, id: string): Promise<SourceDto> {
    const source = await this.find(id);
    assertCanManageSource(actor, source.cities);
    if (source.type === 'facebook_page' && source.webhookState !== 'subscribed') await this.pageSubscriptions.subscribeSource(id);
    const outcome = await this.fetches.fetchNow(id);
    await this.audit.record({
      actorId: actor.id,
      action: 'source.fetch',
      entityType: 'source',
      entityId: id,
      after: { ...outcome.summary, error: outcome.error },
    });
    return toSourceDto(await this.find(id), await this.queries.itemCountsOf(id));
  }

  async stats(viewer: AuthUser, id: string, days = 30): Promise<SourceStatsDto> {
    const source = await this.find(id);
    assertCanSeeSource(viewer, source.cities);
    return { sourceId: id, days: await this.queries.itemsPerDay(id, days) };
  }

  private async find(id: string): Promise<SourceEntity> {
    const source = await this.dataSource.getRepository(SourceEntity).findOne({ where: { id } });
    if (!source) throw DomainError.notFound('The source');
    return source;
  }

  private normalizeUrl(type: SourceType, input: string | undefined): string {
    const problem = sourceUrlProblem(type, input);
    const normalized = problem === null ? normalizeSourceUrl(type, input as string) : null;
    if (!normalized?.url) throw DomainError.invalidField('url', problem ?? 'is not valid');
    return normalized.url;
  }

  /** Topic slugs must exist in the taxonomy (admins edit it). */
  private async checkTopics(topics: readonly string[] | undefined): Promise<string[]> {
    const wanted = unique(topics);
    if (wanted.length === 0) return [];
    const known = new Set(await this.taxonomy.slugs());
    const unknown = wanted.filter((slug) => !known.has(slug));
    if (unknown.length > 0) {
      throw DomainError.invalidField('topics', `must contain only topics of the taxonomy; unknown: ${unknown.join(', ')}`);
    }
    return wanted;
  }

  private async assertNotTaken(
    manager: EntityManager,
    type: SourceType,
    identity: { url: string | null; externalId: string | null },
    exceptId?: string,
  ): Promise<void> {
    const same = await this.queries.findSame(type, identity, exceptId, manager);
    if (same) throw sourceTaken(identity.url ? 'url' : 'externalId', same.name);
  }

  /** The unique indexes are the last word when two requests add the same address at once. */
  private async saveUnique<T>(save: () => Promise<T>, field: 'url' | 'externalId'): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
        throw sourceTaken(field, null);
      }
      throw error;
    }
  }
}

function sourceTaken(field: 'url' | 'externalId', name: string | null): DomainError {
  const what = field === 'url' ? 'address' : 'page';
  const problem = name ? `is already the ${what} of the source “${name}”` : `is already the ${what} of another source`;
  return new DomainError(ErrorCode.Conflict, `A source with this ${what} exists already.`, { fields: [{ field, problem }] });
}
