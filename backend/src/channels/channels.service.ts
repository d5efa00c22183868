import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AmbassadorsService } from '../ambassadors/ambassadors.service';
import type { AuthUser } from '../auth/auth-user';
import { SecretBox } from '../common/crypto/secret-box';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PageSubscriptionService } from '../facebook/page-subscription.service';
import { toChannelDto } from './channel-dto';
import { ChannelHealthService, type TokenFacts } from './channel-health.service';
import { ChannelEntity } from './channel.entity';
import type { CreateChannelDto } from './dto/create-channel.dto';

/** An ambassador's channels: connect (checked with the platform first), list, check, disconnect. */
@Injectable()
export class ChannelsService {
  private readonly logger = new Logger(ChannelsService.name);
  private readonly secrets: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ambassadors: AmbassadorsService,
    private readonly health: ChannelHealthService,
    private readonly pageSubscriptions: PageSubscriptionService,
  ) {
    this.secrets = new SecretBox(config.secretKey);
  }

  async list(user: AuthUser): Promise<ChannelDto[]> {
    const ambassador = await this.ambassadors.ofUser(user);
    const channels = await this.dataSource.getRepository(ChannelEntity).find({
      where: { ambassadorId: ambassador.id, status: Not('disconnected') },
      order: { createdAt: 'ASC' },
    });
    return channels.map(toChannelDto);
  }

  /** `POST /api/channels`: the token is tried with the platform before anything is stored. */
  async create(user: AuthUser, input: CreateChannelDto): Promise<ChannelDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    const instanceUrl = input.type === 'mastodon' && input.instanceUrl ? new URL(input.instanceUrl).origin : null;
    const result = await this.health.inspect(input.type, input.accessToken, { pageId: input.externalId, instanceUrl: instanceUrl ?? undefined });
    if (result.status !== 'ok') {
      if (result.status === 'unreachable') {
        throw new DomainError(ErrorCode.ServiceUnavailable, `The token could not be checked right now (${result.reason}). Please try again in a few minutes.`);
      }
      throw DomainError.invalidField('accessToken', `accessToken was refused: ${result.reason}`);
    }
    const channel = await this.connect(ambassador.id, input.type, result.facts, this.secrets.seal(input.accessToken), { name: input.name, instanceUrl });
    return toChannelDto(channel);
  }

  /**
   * Stores a checked token: a new channel, or the same page/account connected again (a reconnect),
   * which makes it usable again. A Facebook page that is also read as a source is subscribed to
   * webhooks with the new page token (the outcome is shown on the source, never fails the connect).
   */
  async connect(
    ambassadorId: string,
    type: ChannelEntity['type'],
    facts: TokenFacts,
    sealedToken: string,
    extra: { name?: string; instanceUrl?: string | null } = {},
  ): Promise<ChannelEntity> {
    const repository = this.dataSource.getRepository(ChannelEntity);
    const fields = {
      name: extra.name ?? facts.name,
      instanceUrl: extra.instanceUrl ?? null,
      accessTokenEncrypted: sealedToken,
      status: 'connected' as const,
      statusReason: null,
      tokenExpiresAt: facts.expiresAt,
      expiryWarnedFor: null,
      lastCheckedAt: new Date(),
      nextCheckAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
      blockedUntil: null,
    };
    await repository
      .createQueryBuilder()
      .insert()
      .into(ChannelEntity)
      .values({ ambassadorId, type, externalId: facts.externalId, ...fields })
      .orUpdate(Object.keys(fields).map(column), ['ambassador_id', 'type', 'external_id'])
      .execute();
    const channel = await repository.findOneOrFail({ where: { ambassadorId, type, externalId: facts.externalId } });
    this.logger.log({ channelId: channel.id, type }, 'channel connected');
    if (type === 'facebook_page') await this.pageSubscriptions.pageTokenKnown(facts.externalId, this.secrets.open(sealedToken));
    return channel;
  }

  async checkNow(user: AuthUser, id: string): Promise<ChannelDto> {
    const channel = await this.own(user, id);
    return toChannelDto(await this.health.check(channel.id));
  }

  /** Disconnects: the token is deleted; posts waiting for the channel fail with that reason. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const channel = await this.own(user, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(ChannelEntity, { id: channel.id }, { status: 'disconnected', accessTokenEncrypted: null, statusReason: 'Disconnected by the ambassador.' });
      await manager.query(
        `UPDATE post_deliveries SET status = 'failed', error = $2, error_code = 'channel_disconnected', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
         WHERE channel_id = $1 AND status = 'pending'`,
        [channel.id, 'The channel was disconnected before the post appeared there.'],
      );
    });
  }

  /** The caller's channels among `ids`, all of them or a 400 naming the field. */
  async ownUsable(ambassadorId: string, ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ChannelEntity[]> {
    const field = 'channelIds';
    const unique = [...new Set(ids)];
    const channels = unique.length
      ? await manager.getRepository(ChannelEntity).find({ where: { id: In(unique), ambassadorId, status: Not('disconnected') } })
      : [];
    if (channels.length !== unique.length) {
      throw DomainError.invalidField(field, `${field} must list only your own connected channels`);
    }
    const byId = new Map(channels.map((c) => [c.id, c]));
    return unique.map((id) => byId.get(id)).filter((c): c is ChannelEntity => c !== undefined);
  }

  private async own(user: AuthUser, id: string): Promise<ChannelEntity> {
    const ambassador = await this.ambassadors.ofUser(user);
    const channel = await this.dataSource.getRepository(ChannelEntity).findOne({ where: { id, ambassadorId: ambassador.id } });
    if (!channel || channel.status === 'disconnected') throw DomainError.notFound('The channel');
    return channel;
  }
}

function column(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
