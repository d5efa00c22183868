import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationDto, InvitationPreviewDto, InvitationStatus, UserDto } from '@welcome-ruhr/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import { invitationMail } from './invitation-mail';
import { InvitationEntity } from './invitation.entity';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function statusOf(invitation: InvitationEntity, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}

function toDto(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    cities: [...invitation.cities].sort(),
    language: invitation.language,
    status: statusOf(invitation),
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}

/**
 * Invitations by e-mail: the link carries a random token (only its hash is stored) that works once and
 * until INVITATION_VALID_HOURS have passed; accepting it creates the user with the chosen password.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl' | 'invitationValidHours'>,
  ) {}

  async list(): Promise<InvitationDto[]> {
    const invitations = await this.dataSource.getRepository(InvitationEntity).find({ order: { createdAt: 'DESC' }, take: 500 });
    return invitations.map(toDto);
  }

  /** A new invitation to an address replaces an open one (its link stops working). */
  async create(actor: AuthUser, input: CreateInvitationDto): Promise<InvitationDto> {
    if (await this.dataSource.getRepository(UserEntity).exists({ where: { email: input.email } })) {
      throw new DomainError(ErrorCode.Conflict, `A user with the e-mail ${input.email} exists already.`, {
        fields: [{ field: 'email', problem: 'email belongs to an existing user' }],
      });
    }
    const token = randomBytes(32).toString('base64url');
    const language = input.language ?? 'de';
    const expiresAt = new Date(Date.now() + this.config.invitationValidHours * 3600 * 1000);
    const cities = input.role === 'admin' ? [] : [...new Set(input.cities ?? [])];
    const invitation = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(InvitationEntity);
      await manager.query(`UPDATE invitations SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL`, [input.email]);
      const saved = await repository.save(
        repository.create({ email: input.email, name: input.name, role: input.role, cities, language, tokenHash: hashToken(token), expiresAt, invitedBy: actor.id }),
      );
      await this.mail.enqueue(
        [
          {
            kind: 'invitation',
            to: input.email,
            language,
            ...invitationMail(language, {
              name: input.name,
              inviterName: actor.name,
              role: input.role,
              cities,
              link: `${this.config.publicUrl}/invitations/${token}`,
              expiresAt,
            }),
          },
        ],
        manager,
      );
      await this.audit.record(
        { actorId: actor.id, action: 'invitation.create', entityType: 'invitation', entityId: saved.id, after: { email: saved.email, role: saved.role, cities } },
        manager,
      );
      return saved;
    });
    this.mail.deliverSoon();
    return toDto(invitation);
  }

  async revoke(actor: AuthUser, id: string): Promise<InvitationDto> {
    const repository = this.dataSource.getRepository(InvitationEntity);
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    const invitation = await repository.findOne({ where: { id } });
    if (!invitation) throw DomainError.notFound('The invitation');
    if (!result.affected && invitation.acceptedAt) throw new DomainError(ErrorCode.Conflict, 'This invitation was accepted already.');
    if (result.affected) await this.audit.record({ actorId: actor.id, action: 'invitation.revoke', entityType: 'invitation', entityId: id });
    return toDto(invitation);
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findUsable(token);
    return { email: invitation.email, name: invitation.name, role: invitation.role, cities: invitation.cities, expiresAt: invitation.expiresAt.toISOString() };
  }

  /**
   * Takes the invitation in one statement (so a link works once, even when clicked twice at the same time),
   * then creates the user; if that fails, the invitation is usable again.
   */
  async accept(token: string, password: string): Promise<UserDto> {
    const tokenHash = TOKEN_PATTERN.test(token) ? hashToken(token) : null;
    const [rows] = tokenHash
      ? ((await this.dataSource.query(
          `UPDATE invitations SET accepted_at = now()
            WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING id, email, name, role, cities`,
          [tokenHash],
        )) as [Array<Pick<InvitationEntity, 'id' | 'email' | 'name' | 'role' | 'cities'>>, number])
      : [[]];
    const taken = rows[0];
    if (!taken) {
      await this.findUsable(token);
      throw DomainError.notFound('The invitation');
    }
    let user: UserDto;
    try {
      user = await this.users.create({ email: taken.email, password, name: taken.name, role: taken.role, cities: taken.cities });
    } catch (error) {
      await this.dataSource.query(`UPDATE invitations SET accepted_at = NULL WHERE id = $1`, [taken.id]);
      throw error;
    }
    await this.dataSource.query(`UPDATE invitations SET user_id = $2 WHERE id = $1`, [taken.id, user.id]);
    await this.audit.record({ actorId: user.id, action: 'invitation.accept', entityType: 'invitation', entityId: taken.id, after: { userId: user.id } });
    this.logger.log({ invitationId: taken.id, userId: user.id }, 'invitation accepted');
    return user;
  }

  /** The open invitation of the token; otherwise a 404 that says why (unknown, used, revoked, expired). */
  private async findUsable(token: string): Promise<InvitationEntity> {
    const invitation = TOKEN_PATTERN.test(token)
      ? await this.dataSource.getRepository(InvitationEntity).findOne({ where: { tokenHash: hashToken(token) } })
      : null;
    if (!invitation) throw new DomainError(ErrorCode.NotFound, 'This invitation link is not valid. Check that you copied all of it.');
    const status = statusOf(invitation);
    if (status === 'accepted') throw new DomainError(ErrorCode.NotFound, 'This invitation was used already. Sign in with your e-mail address and password.');
    if (status === 'revoked') throw new DomainError(ErrorCode.NotFound, 'This invitation was withdrawn or replaced by a newer one. Use the link of the newest invitation mail.');
    if (status === 'expired') throw new DomainError(ErrorCode.NotFound, 'This invitation has expired. Ask an admin to invite you again.');
    return invitation;
  }
}
