import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';

type UserRow = UserEntity & { ambassadorId: string | null };

export function toUserDto(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    cities: [...user.cities].sort(),
    active: user.active,
    ambassadorId: user.ambassadorId,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  private query(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin(AmbassadorEntity, 'a', 'a.user_id = u.id')
      .addSelect('a.id', 'ambassador_id');
  }

  private async rows(builder: ReturnType<UsersService['query']>): Promise<UserRow[]> {
    const { entities, raw } = await builder.getRawAndEntities<{ ambassador_id: string | null }>();
    return entities.map((entity, i) => Object.assign(entity, { ambassadorId: raw[i]?.ambassador_id ?? null }));
  }

  /** Admins see everyone; moderators see the people who work for one of their cities. */
  async list(viewer: AuthUser, filter: ListUsersQuery): Promise<UserDto[]> {
    const builder = this.query().orderBy('u.name', 'ASC').addOrderBy('u.email', 'ASC');
    if (viewer.role !== 'admin') {
      builder.andWhere('u.cities && :viewerCities', { viewerCities: viewer.cities }).andWhere("u.role <> 'admin'");
    }
    if (filter.role) builder.andWhere('u.role = :role', { role: filter.role });
    if (filter.city) builder.andWhere(':city = ANY(u.cities)', { city: filter.city });
    if (filter.active !== undefined) builder.andWhere('u.active = :active', { active: filter.active });
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      builder.andWhere('(u.name ILIKE :pattern OR u.email ILIKE :pattern)', { pattern });
    }
    return (await this.rows(builder)).map(toUserDto);
  }

  async get(id: string): Promise<UserDto> {
    const [row] = await this.rows(this.query().where('u.id = :id', { id }));
    if (!row) throw DomainError.notFound('The user');
    return toUserDto(row);
  }

  async create(input: CreateUserDto): Promise<UserDto> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(UserEntity).exists({ where: { email } });
      if (existing) {
        throw new DomainError(ErrorCode.Conflict, `A user with the e-mail ${email} exists already.`, {
          fields: [{ field: 'email', problem: 'email is taken by another user' }],
        });
      }
      const user = await manager.getRepository(UserEntity).save(
        manager.getRepository(UserEntity).create({
          email,
          name: input.name.trim(),
          role: input.role,
          cities: input.role === 'admin' ? [] : [...new Set(input.cities ?? [])],
          passwordHash,
          active: true,
          lastLoginAt: null,
        }),
      );
      if (user.role === 'ambassador') await this.ensureAmbassador(manager, user);
      return user.id;
    });
    this.logger.log({ userId: id, role: input.role }, 'user created');
    return this.get(id);
  }

  async update(actor: AuthUser, id: string, input: UpdateUserDto): Promise<UserDto> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('The user');
      const losesAdmin = user.role === 'admin' && ((input.role && input.role !== 'admin') || input.active === false);
      if (losesAdmin && id === actor.id) {
        throw new DomainError(ErrorCode.Conflict, 'You cannot deactivate yourself or take away your own admin role.');
      }
      if (input.name !== undefined) user.name = input.name.trim();
      if (input.role !== undefined) user.role = input.role;
      if (input.cities !== undefined) user.cities = [...new Set(input.cities)];
      if (user.role === 'admin') user.cities = [];
      if (input.active !== undefined) user.active = input.active;
      await repository.save(user);
      if (user.role === 'ambassador') await this.ensureAmbassador(manager, user);
    });
    if (input.active === false) await this.sessions.revokeAllOf(id);
    this.logger.log({ userId: id, actorId: actor.id, changed: Object.keys(input) }, 'user updated');
    return this.get(id);
  }

  /** The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, on a start with no users. */
  async bootstrapAdmin(email: string | null, password: string | null): Promise<void> {
    const count = await this.dataSource.getRepository(UserEntity).count();
    if (count > 0) return;
    if (!email || !password) {
      this.logger.warn('There are no users yet. Set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin.');
      return;
    }
    await this.create({ email, password, name: 'Administrator', role: 'admin' });
    this.logger.log({ email }, 'first admin created from ADMIN_EMAIL');
  }

  private async ensureAmbassador(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AmbassadorEntity)
      .values({ userId: user.id, displayName: user.name, visible: false })
      .orIgnore()
      .execute();
  }
}
