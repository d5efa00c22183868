import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cityName, type ContactRequestDto, type ContactRequestListDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { cursorTimeSql, decodeCreatedCursor, encodeCreatedCursor } from '../mail/created-cursor';
import { MailService } from '../mail/mail.service';
import { applyInboxScope } from './contact-access';
import { replyAddressOf, toDetailDto, toSummaryDto, type AmbassadorName } from './contact-dto';
import { replyLanguage, replyMail, waitingNotice } from './contact-mails';
import { ContactReplyEntity } from './contact-reply.entity';
import { ContactRequestEntity } from './contact-request.entity';
import type { ListContactRequestsQuery } from './dto/list-contact-requests.query';

type InboxConfig = Pick<AppConfig, 'publicUrl' | 'mailReplyTo' | 'contactRetentionDays'>;

/** The dashboard inbox: list, read (audited), reply through the portal, close, assign. */
@Injectable()
export class ContactInboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: InboxConfig,
  ) {}

  /** Newest first; no message and no e-mail address in the list (reading one is audited). */
  async list(viewer: AuthUser, query: ListContactRequestsQuery): Promise<ContactRequestListDto> {
    const limit = query.limit ?? 50;
    const builder = this.dataSource
      .getRepository(ContactRequestEntity)
      .createQueryBuilder('r')
      .leftJoin(AmbassadorEntity, 'a', 'a.id = r.ambassador_id')
      .addSelect('a.display_name', 'ambassador_name')
      .addSelect(cursorTimeSql('r.created_at'), 'cursor_time')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    applyInboxScope(builder, viewer);
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.city) builder.andWhere('r.city = :city', { city: query.city });
    if (query.cursor) {
      const cursor = decodeCreatedCursor(query.cursor);
      builder.andWhere('(r.created_at, r.id) < (:cursorTime::timestamptz, :cursorId::uuid)', { cursorTime: cursor.createdAt, cursorId: cursor.id });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ ambassador_name: string | null; cursor_time: string }>();
    const page = entities.slice(0, limit);
    return {
      items: page.map((request, i) => toSummaryDto(request, this.ambassadorOf(request, raw[i]?.ambassador_name ?? null))),
      nextCursor: entities.length > limit ? encodeCreatedCursor({ createdAt: raw[limit - 1]!.cursor_time, id: page[limit - 1]!.id }) : null,
    };
  }

  /** One request with its replies; the audit log records who read it. */
  async get(viewer: AuthUser, id: string): Promise<ContactRequestDto> {
    const { request, ambassador } = await this.load(viewer, id);
    await this.audit.record({ actorId: viewer.id, action: 'contact_request.read', entityType: 'contact_request', entityId: id });
    return this.detail(request, ambassador, viewer);
  }

  /** Sends the answer to the newcomer from the portal's address under the writer's name; replies come back via the reply address. */
  async reply(viewer: AuthUser, id: string, message: string): Promise<ContactRequestDto> {
    const { authorName, fromName } = await this.authorOf(viewer, id);
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lockVisible(manager, viewer, id);
      if (request.status === 'closed') throw new DomainError(ErrorCode.Conflict, 'This request is closed; it cannot be answered any more.');
      const reply = await manager.getRepository(ContactReplyEntity).save(
        manager.getRepository(ContactReplyEntity).create({ contactRequestId: id, authorId: viewer.id, authorName, message }),
      );
      const language = replyLanguage(request.language);
      await this.mail.enqueue(
        [
          {
            kind: 'contact.reply',
            to: request.email,
            language,
            fromName,
            replyTo: replyAddressOf(this.config.mailReplyTo, request.replyToken),
            contactRequestId: id,
            ...replyMail(language, {
              newcomerName: request.name,
              authorName,
              reply: message,
              question: request.message,
              askedAt: request.createdAt,
              retentionDays: this.config.contactRetentionDays,
            }),
          },
        ],
        manager,
      );
      const answeredAt = new Date();
      await manager.update(ContactRequestEntity, { id }, { status: 'answered', answeredAt });
      await this.audit.record(
        { actorId: viewer.id, action: 'contact_request.reply', entityType: 'contact_request', entityId: id, before: { status: request.status }, after: { status: 'answered', replyId: reply.id } },
        manager,
      );
    });
    this.mail.deliverSoon();
    return this.reload(viewer, id);
  }

  async close(viewer: AuthUser, id: string): Promise<ContactRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lockVisible(manager, viewer, id);
      if (request.status === 'closed') return;
      await manager.update(ContactRequestEntity, { id }, { status: 'closed', closedAt: new Date() });
      await this.audit.record(
        { actorId: viewer.id, action: 'contact_request.close', entityType: 'contact_request', entityId: id, before: { status: request.status }, after: { status: 'closed' } },
        manager,
      );
    });
    return this.reload(viewer, id);
  }

  /** A moderator hands a portal request of their city to an ambassador of that city, who is told by e-mail. */
  async assign(viewer: AuthUser, id: string, ambassadorId: string): Promise<ContactRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.lockVisible(manager, viewer, id);
      if (request.status === 'closed') throw new DomainError(ErrorCode.Conflict, 'This request is closed; it cannot be assigned any more.');
      const rows: Array<{ id: string; display_name: string; email: string; cities: string[] }> = await manager.query(
        `SELECT a.id, a.display_name, u.email, u.cities FROM ambassadors a JOIN users u ON u.id = a.user_id
          WHERE a.id = $1 AND u.active AND u.role = 'ambassador'`,
        [ambassadorId],
      );
      const ambassador = rows[0];
      if (!ambassador) throw DomainError.invalidField('ambassadorId', 'ambassadorId must be the id of an active ambassador');
      if (viewer.role !== 'admin' && request.city && !ambassador.cities.includes(request.city)) {
        throw DomainError.invalidField('ambassadorId', `ambassadorId must be an ambassador of ${cityName(request.city)}`);
      }
      if (request.ambassadorId === ambassador.id) return;
      await manager.update(ContactRequestEntity, { id }, { ambassadorId: ambassador.id, assignedBy: viewer.id, assignedAt: new Date() });
      await this.mail.enqueue(
        [
          {
            kind: 'contact.assigned',
            to: ambassador.email,
            language: 'de',
            contactRequestId: id,
            ...waitingNotice({
              recipientName: ambassador.display_name,
              reason: 'assigned',
              cityName: request.city ? cityName(request.city) : null,
              language: request.language,
              inboxUrl: `${this.config.publicUrl}/inbox/${id}`,
            }),
          },
        ],
        manager,
      );
      await this.audit.record(
        { actorId: viewer.id, action: 'contact_request.assign', entityType: 'contact_request', entityId: id, before: { ambassadorId: request.ambassadorId }, after: { ambassadorId: ambassador.id } },
        manager,
      );
    });
    this.mail.deliverSoon();
    return this.reload(viewer, id);
  }

  /** The request as its viewer sees it after a change (not a new read for the audit log: the change is recorded). */
  private async reload(viewer: AuthUser, id: string): Promise<ContactRequestDto> {
    const { request, ambassador } = await this.load(viewer, id);
    return this.detail(request, ambassador, viewer);
  }

  private async detail(request: ContactRequestEntity, ambassador: AmbassadorName | null, viewer: AuthUser): Promise<ContactRequestDto> {
    const replies = await this.dataSource
      .getRepository(ContactReplyEntity)
      .find({ where: { contactRequestId: request.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return toDetailDto(request, ambassador, replies, replyAddressOf(this.config.mailReplyTo, request.replyToken), viewer);
  }

  /** Outside the viewer's scope a request does not exist for them: 404, not 403, so ids reveal nothing. */
  private async load(viewer: AuthUser, id: string): Promise<{ request: ContactRequestEntity; ambassador: AmbassadorName | null }> {
    const builder = this.dataSource
      .getRepository(ContactRequestEntity)
      .createQueryBuilder('r')
      .leftJoin(AmbassadorEntity, 'a', 'a.id = r.ambassador_id')
      .addSelect('a.display_name', 'ambassador_name')
      .where('r.id = :id', { id });
    applyInboxScope(builder, viewer);
    const { entities, raw } = await builder.getRawAndEntities<{ ambassador_name: string | null }>();
    const request = entities[0];
    if (!request) throw DomainError.notFound('The contact request');
    return { request, ambassador: this.ambassadorOf(request, raw[0]?.ambassador_name ?? null) };
  }

  private async lockVisible(manager: EntityManager, viewer: AuthUser, id: string): Promise<ContactRequestEntity> {
    const builder = manager.getRepository(ContactRequestEntity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write');
    applyInboxScope(builder, viewer);
    const request = await builder.getOne();
    if (!request) throw DomainError.notFound('The contact request');
    return request;
  }

  /**
   * An ambassador answers under their display name ("Iryna · Welcome Ruhr" as the sender's name);
   * moderators and admins as the portal of the city ("Welcome Ruhr Bochum").
   */
  private async authorOf(viewer: AuthUser, id: string): Promise<{ authorName: string; fromName: string }> {
    if (viewer.role === 'ambassador') {
      const rows: Array<{ display_name: string }> = await this.dataSource.query(`SELECT display_name FROM ambassadors WHERE user_id = $1`, [viewer.id]);
      if (rows[0]) return { authorName: rows[0].display_name, fromName: `${rows[0].display_name} · Welcome Ruhr` };
    }
    const rows: Array<{ city: string | null }> = await this.dataSource.query(`SELECT city FROM contact_requests WHERE id = $1`, [id]);
    const city = rows[0]?.city;
    const portal = city ? `Welcome Ruhr ${cityName(city)}` : 'Welcome Ruhr';
    return { authorName: portal, fromName: portal };
  }

  private ambassadorOf(request: ContactRequestEntity, displayName: string | null): AmbassadorName | null {
    return request.ambassadorId && displayName !== null ? { id: request.ambassadorId, displayName } : null;
  }
}
