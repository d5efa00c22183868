import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EDITABLE_POST_STATUSES, type PostDto, type PostPreviewDto, type PostStatus } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AmbassadorsService } from '../ambassadors/ambassadors.service';
import type { AuthUser } from '../auth/auth-user';
import { ChannelsService } from '../channels/channels.service';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ItemEntity } from '../items/item.entity';
import type { CreatePostDto, PostPreviewDto as PostPreviewBody, UpdatePostDto } from './dto/create-post.dto';
import type { ListPostsQuery } from './dto/post-queries.dto';
import { PostAccess } from './post-access';
import { PostDeliveryEntity } from './post-delivery.entity';
import { PostQueries } from './post-queries';
import { assertFits, checkSchedule, preview } from './post-rules';
import { PostEntity } from './post.entity';

const LIST_LIMIT = 500;

/**
 * Composing posts: create (or share an item), edit, submit a draft, cancel — all until publishing
 * starts, which the publisher marks by locking the post row and moving it to `publishing`; here every
 * change locks the row too, so an edit and the start of publishing never interleave.
 */
@Injectable()
export class PostsService {
  private readonly logger = new Logger(PostsService.name);
  private readonly queries: PostQueries;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ambassadors: AmbassadorsService,
    private readonly channels: ChannelsService,
    private readonly access: PostAccess,
  ) {
    this.queries = new PostQueries(dataSource);
  }

  async create(user: AuthUser, input: CreatePostDto): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    const channels = await this.channels.ownUsable(ambassador.id, input.channelIds);
    let link = input.link ?? null;
    if (input.itemId) {
      if (input.link) throw DomainError.invalidField('link', 'link comes from the shared item; leave it out');
      link = await this.sharedItemLink(input.itemId);
    }
    assertFits(input.text, link, channels);
    const draft = input.draft === true;
    const asSoonAsApproved = input.asSoonAsApproved === true;
    const scheduledAt = draft && !input.scheduledAt ? null : checkSchedule(input.scheduledAt, asSoonAsApproved);
    const id = await this.dataSource.transaction(async (manager) => {
      const post = await manager.getRepository(PostEntity).save({
        ambassadorId: ambassador.id,
        status: draft ? 'draft' : 'pending_review',
        text: input.text,
        link,
        scheduledAt,
        asSoonAsApproved,
        itemId: input.itemId ?? null,
        imageUpdatedAt: null,
        rejectReason: null,
        reviewedBy: null,
        reviewedAt: null,
        publishedAt: null,
      });
      await this.replaceDeliveries(manager, post.id, channels.map((c) => c.id));
      return post.id;
    });
    this.logger.log({ postId: id, channels: channels.length, draft }, 'post created');
    return await this.queries.one(id);
  }

  /** Edits until publishing starts; a changed text or link sends an approved post back to review. */
  async update(user: AuthUser, id: string, input: UpdatePostDto): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      const post = await this.lockEditable(manager, ambassador.id, id);
      const channelIds = input.channelIds ?? (await this.deliveryChannelIds(manager, id));
      const channels = await this.channels.ownUsable(ambassador.id, channelIds, manager);
      if (input.link !== undefined && post.itemId) throw DomainError.invalidField('link', 'link comes from the shared item');
      const text = input.text ?? post.text;
      const link = input.link !== undefined ? input.link : post.link;
      assertFits(text, link, channels);
      const contentChanged = text !== post.text || link !== post.link;
      const asSoonAsApproved = input.asSoonAsApproved ?? (input.scheduledAt ? false : post.asSoonAsApproved);
      if (input.scheduledAt !== undefined || input.asSoonAsApproved !== undefined) {
        post.scheduledAt = checkSchedule(input.scheduledAt ?? post.scheduledAt, asSoonAsApproved);
        post.asSoonAsApproved = asSoonAsApproved;
      }
      post.text = text;
      post.link = link;
      if (contentChanged) this.backToReview(post);
      // An approved post that was "as soon as approved" got its time at approval; a new schedule needs a time.
      if (post.status === 'scheduled' && !post.scheduledAt) this.backToReview(post);
      await manager.getRepository(PostEntity).save(post);
      if (input.channelIds) await this.replaceDeliveries(manager, id, channels.map((c) => c.id));
    });
    return await this.queries.one(id);
  }

  /** A draft goes to review. */
  async submit(user: AuthUser, id: string): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      const post = await this.lockEditable(manager, ambassador.id, id);
      if (post.status !== 'draft') throw new DomainError(ErrorCode.Conflict, 'Only a draft can be sent for review; this post is there already.');
      post.scheduledAt = checkSchedule(post.scheduledAt, post.asSoonAsApproved);
      post.status = 'pending_review';
      await manager.getRepository(PostEntity).save(post);
    });
    return await this.queries.one(id);
  }

  async cancel(user: AuthUser, id: string): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      const post = await this.lockEditable(manager, ambassador.id, id);
      post.status = 'cancelled';
      await manager.getRepository(PostEntity).save(post);
      await manager.update(PostDeliveryEntity, { postId: id, status: 'pending' }, { status: 'cancelled', leaseOwner: null, leaseExpiresAt: null });
    });
    this.logger.log({ postId: id }, 'post cancelled');
    return await this.queries.one(id);
  }

  /**
   * After a failure (e.g. once the channel is reconnected): failed deliveries are tried again at once.
   * Deliveries to a channel that still needs reconnecting would only fail again, so that is said first.
   */
  async retry(user: AuthUser, id: string): Promise<PostDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      const post = await manager.getRepository(PostEntity).findOne({ where: { id, ambassadorId: ambassador.id }, lock: { mode: 'pessimistic_write' } });
      if (!post) throw DomainError.notFound('The post');
      if (post.status !== 'failed') throw new DomainError(ErrorCode.Conflict, 'Only a failed post can be retried.');
      const blocked: { name: string }[] = await manager.query(
        `SELECT c.name FROM post_deliveries d JOIN channels c ON c.id = d.channel_id
         WHERE d.post_id = $1 AND d.status = 'failed' AND (c.status <> 'connected' OR c.access_token_encrypted IS NULL)`,
        [id],
      );
      if (blocked.length > 0) {
        throw new DomainError(ErrorCode.Conflict, `Reconnect ${blocked.map((b) => `“${b.name}”`).join(', ')} first, then retry.`);
      }
      await manager.query(
        // A delivery that was ever sent may have reached its channel: 'unknown' makes the publisher look there first.
        `UPDATE post_deliveries SET status = CASE WHEN first_sent_at IS NULL THEN 'pending' ELSE 'unknown' END,
           error = NULL, error_code = NULL, next_attempt_at = now(), attempts = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
         WHERE post_id = $1 AND status = 'failed'`,
        [id],
      );
      post.status = 'publishing';
      await manager.getRepository(PostEntity).save(post);
    });
    this.logger.log({ postId: id }, 'post retried');
    return await this.queries.one(id);
  }

  async get(user: AuthUser, id: string): Promise<PostDto> {
    await this.access.assertCanSee(user, id);
    return await this.queries.one(id);
  }

  /** The ambassador's posts, for the list and the calendar (by due or publication time). */
  async list(user: AuthUser, query: ListPostsQuery): Promise<PostDto[]> {
    const ambassador = await this.ambassadors.ofUser(user);
    const builder = this.dataSource
      .getRepository(PostEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.ambassador_id = :ambassadorId', { ambassadorId: ambassador.id })
      .orderBy('COALESCE(p.published_at, p.scheduled_at, p.created_at)', 'DESC')
      .limit(LIST_LIMIT);
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.from) builder.andWhere('COALESCE(p.published_at, p.scheduled_at) >= :from', { from: query.from });
    if (query.to) builder.andWhere('COALESCE(p.published_at, p.scheduled_at) < :to', { to: query.to });
    const rows: { id: string }[] = await builder.getRawMany();
    return this.queries.dtos(rows.map((r) => r.id));
  }

  async preview(user: AuthUser, input: PostPreviewBody): Promise<PostPreviewDto> {
    const ambassador = await this.ambassadors.ofUser(user);
    const channels = await this.channels.ownUsable(ambassador.id, input.channelIds);
    return preview(input.text, input.link, channels);
  }

  /** The post row of this ambassador, locked, while it may still change. */
  async lockEditable(manager: EntityManager, ambassadorId: string, id: string): Promise<PostEntity> {
    const post = await manager.getRepository(PostEntity).findOne({ where: { id, ambassadorId }, lock: { mode: 'pessimistic_write' } });
    if (!post) throw DomainError.notFound('The post');
    if (!EDITABLE_POST_STATUSES.includes(post.status)) {
      throw new DomainError(ErrorCode.Conflict, notEditable(post.status));
    }
    return post;
  }

  /** Content changed after approval: a moderator looks again. */
  backToReview(post: PostEntity): void {
    if (post.status !== 'scheduled') return;
    post.status = 'pending_review';
    post.reviewedAt = null;
    post.reviewedBy = null;
    if (post.asSoonAsApproved) post.scheduledAt = null;
  }

  private async sharedItemLink(itemId: string): Promise<string> {
    const item = await this.dataSource.getRepository(ItemEntity).findOne({ where: { id: itemId } });
    if (!item || item.status !== 'approved') throw DomainError.invalidField('itemId', 'itemId must be the id of an approved item of the portal’s feed');
    if (!item.url) throw DomainError.invalidField('itemId', 'itemId names an item without a link to share');
    return item.url;
  }

  private async deliveryChannelIds(manager: EntityManager, postId: string): Promise<string[]> {
    const rows = await manager.getRepository(PostDeliveryEntity).find({ where: { postId }, select: { channelId: true } });
    return rows.map((r) => r.channelId);
  }

  private async replaceDeliveries(manager: EntityManager, postId: string, channelIds: string[]): Promise<void> {
    const repository = manager.getRepository(PostDeliveryEntity);
    const existing = await repository.find({ where: { postId } });
    const gone = existing.filter((d) => !channelIds.includes(d.channelId)).map((d) => d.id);
    if (gone.length > 0) await repository.delete({ id: In(gone) });
    const added = channelIds.filter((channelId) => !existing.some((d) => d.channelId === channelId));
    if (added.length > 0) await repository.insert(added.map((channelId) => ({ postId, channelId, status: 'pending' as const })));
  }
}

function notEditable(status: PostStatus): string {
  switch (status) {
    case 'publishing':
      return 'Publishing has started; the post can no longer be changed or cancelled.';
    case 'published':
      return 'The post is published; it can no longer be changed here.';
    case 'rejected':
      return 'The post was rejected; write a new one with the moderator’s advice.';
    case 'cancelled':
      return 'The post was cancelled.';
    default:
      return 'The post can no longer be changed.';
  }
}
