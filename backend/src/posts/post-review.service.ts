import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModerationPostsResponse, PostDto, PostStatus } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../ambassadors/notifications/notifications.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { PostAccess, postInCitiesSql, POSTS_WITH_AMBASSADORS_SQL } from './post-access';
import { PostQueries } from './post-queries';
import { PostEntity } from './post.entity';

const QUEUE_LIMIT = 200;

/** Moderators review ambassadors' posts beside items: the queue, approve, reject with a reason. */
@Injectable()
export class PostReviewService {
  private readonly logger = new Logger(PostReviewService.name);
  private readonly queries: PostQueries;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PostAccess,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {
    this.queries = new PostQueries(dataSource);
  }

  /** Posts of the moderator's cities in one status (default: waiting for review, soonest due first), and counts per status. */
  async queue(viewer: AuthUser, status: PostStatus = 'pending_review'): Promise<ModerationPostsResponse> {
    const scope = `FROM ${POSTS_WITH_AMBASSADORS_SQL} WHERE ($1 = 'admin' OR ${postInCitiesSql('$2::text[]')})`;
    const params = [viewer.role, viewer.cities];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id ${scope} AND p.status = $3
       ORDER BY COALESCE(p.scheduled_at, p.created_at) ${status === 'pending_review' || status === 'scheduled' ? 'ASC' : 'DESC'}, p.id
       LIMIT ${QUEUE_LIMIT}`,
      [...params, status],
    );
    const counts: { status: PostStatus; count: string | number }[] = await this.dataSource.query(
      `SELECT p.status, count(*) AS count ${scope} GROUP BY p.status`,
      params,
    );
    return {
      posts: await this.queries.dtos(rows.map((r) => r.id)),
      counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.count)])),
    };
  }

  /** Approved: due at its time, or now when "as soon as approved" (or its time passed during review). */
  async approve(moderator: AuthUser, id: string): Promise<PostDto> {
    await this.access.assertCanModerate(moderator, id);
    await this.dataSource.transaction(async (manager) => {
      const post = await manager.getRepository(PostEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!post) throw DomainError.notFound('The post');
      if (post.status !== 'pending_review') throw new DomainError(ErrorCode.Conflict, alreadyDecided(post.status));
      const before = { status: post.status, scheduledAt: post.scheduledAt };
      const now = new Date();
      post.status = 'scheduled';
      if (post.asSoonAsApproved || !post.scheduledAt || post.scheduledAt < now) post.scheduledAt = now;
      post.reviewedBy = moderator.id;
      post.reviewedAt = now;
      post.rejectReason = null;
      await manager.getRepository(PostEntity).save(post);
      await this.audit.record(
        { actorId: moderator.id, action: 'post.approve', entityType: 'post', entityId: id, before, after: { status: post.status, scheduledAt: post.scheduledAt } },
        manager,
      );
    });
    this.logger.log({ postId: id, moderatorId: moderator.id }, 'post approved');
    return await this.queries.one(id);
  }

  async reject(moderator: AuthUser, id: string, reason: string): Promise<PostDto> {
    const owner = await this.access.assertCanModerate(moderator, id);
    await this.dataSource.transaction(async (manager) => {
      const post = await manager.getRepository(PostEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!post) throw DomainError.notFound('The post');
      // A scheduled post may still be stopped by a moderator before it goes out.
      if (post.status !== 'pending_review' && post.status !== 'scheduled') throw new DomainError(ErrorCode.Conflict, alreadyDecided(post.status));
      const before = { status: post.status };
      post.status = 'rejected';
      post.rejectReason = reason;
      post.reviewedBy = moderator.id;
      post.reviewedAt = new Date();
      await manager.getRepository(PostEntity).save(post);
      await manager.query(`UPDATE post_deliveries SET status = 'cancelled' WHERE post_id = $1 AND status = 'pending'`, [id]);
      await this.audit.record({ actorId: moderator.id, action: 'post.reject', entityType: 'post', entityId: id, before, after: { status: 'rejected', reason } }, manager);
      await this.notifications.notify(
        {
          userId: owner.userId,
          kind: 'post_rejected',
          postId: id,
          message: `A moderator did not approve your post “${excerpt(post.text)}”. The reason: ${reason}`,
          email: { subject: 'Your post was not approved' },
        },
        manager,
      );
    });
    this.logger.log({ postId: id, moderatorId: moderator.id }, 'post rejected');
    return await this.queries.one(id);
  }
}

function alreadyDecided(status: PostStatus): string {
  return status === 'draft' ? 'This post is still a draft; its author has not sent it for review.' : `This post is ${status.replace('_', ' ')}; it is not waiting for review.`;
}

export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
