import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicServiceDto, PublicServiceListDto, ServiceDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertCityScope, type AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { CreateServiceDto } from './dto/create-service.dto';
import type { PublicServicesQuery, SearchServicesQuery } from './dto/service-queries.dto';
import type { UpdateServiceDto } from './dto/update-service.dto';
import { ServiceCategoryEntity } from './service-category.entity';
import { toPublicServiceDto, toServiceDto } from './service-dto';
import { applyTextSearch, decodeOffsetCursor, encodeOffsetCursor, searchQueries } from './service-search';
import { ServiceEntity } from './service.entity';

type ServiceFields = Omit<CreateServiceDto, 'latitude' | 'longitude'> & { latitude?: number | null; longitude?: number | null };

/** Cross-field rules the DTO cannot state: coordinates come in pairs. Shared with the CSV import. */
export function coordinatesProblem(fields: { latitude?: number | null; longitude?: number | null }): { field: string; problem: string } | null {
  const hasLat = fields.latitude !== undefined && fields.latitude !== null;
  const hasLon = fields.longitude !== undefined && fields.longitude !== null;
  if (hasLat === hasLon) return null;
  return hasLat
    ? { field: 'longitude', problem: 'longitude must be given together with latitude' }
    : { field: 'latitude', problem: 'latitude must be given together with longitude' };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}

const duplicate = () =>
  new DomainError(ErrorCode.Conflict, 'This city has a service of this category with the same name already.', {
    fields: [{ field: 'name', problem: 'name is taken by another service of this category in this city' }],
  });

/** Directory entries: public search, and editing by the moderators of the entry's city and admins. */
@Injectable()
export class ServicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async searchPublic(query: PublicServicesQuery): Promise<PublicServiceListDto> {
    const { rows, labels, nextCursor } = await this.search(query);
    return { items: rows.map((row) => toPublicServiceDto(row, labels.get(row.category) ?? {}, query.lang)), nextCursor };
  }

  async searchFull(query: SearchServicesQuery): Promise<{ items: ServiceDto[]; nextCursor: string | null }> {
    const { rows, nextCursor } = await this.search(query);
    return { items: rows.map(toServiceDto), nextCursor };
  }

  async getPublic(id: string, lang: string | undefined): Promise<PublicServiceDto> {
    const service = await this.find(id);
    const category = await this.dataSource.getRepository(ServiceCategoryEntity).findOne({ where: { slug: service.category } });
    return toPublicServiceDto(service, category?.labels ?? {}, lang);
  }

  async get(id: string): Promise<ServiceDto> {
    return toServiceDto(await this.find(id));
  }

  async create(actor: AuthUser, input: CreateServiceDto): Promise<ServiceDto> {
    assertCityScope(actor, [input.city]);
    this.assertCoordinates(input);
    await this.assertCategory(input.category);
    try {
      const service = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(ServiceEntity);
        const saved = await repository.save(repository.create({ ...this.columns(input), createdBy: actor.id, updatedBy: actor.id }));
        await this.audit.record({ actorId: actor.id, action: 'service.create', entityType: 'service', entityId: saved.id, after: toServiceDto(saved) }, manager);
        return saved;
      });
      return toServiceDto(service);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  async update(actor: AuthUser, id: string, input: UpdateServiceDto): Promise<ServiceDto> {
    for (const required of ['category', 'city', 'name'] as const) {
      if (input[required] === null) throw DomainError.invalidField(required, `${required} cannot be removed`);
    }
    if (input.category !== undefined) await this.assertCategory(input.category);
    try {
      const service = await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(ServiceEntity);
        const service = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!service) throw DomainError.notFound('The service');
        assertCityScope(actor, input.city ? [service.city, input.city] : [service.city]);
        const before = toServiceDto(service);
        Object.assign(service, this.columns({ ...this.fieldsOf(service), ...input } as ServiceFields), { updatedBy: actor.id });
        this.assertCoordinates(service);
        const saved = await repository.save(service);
        await this.audit.record({ actorId: actor.id, action: 'service.update', entityType: 'service', entityId: id, before, after: toServiceDto(saved) }, manager);
        return saved;
      });
      return toServiceDto(service);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const service = await manager.getRepository(ServiceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!service) throw DomainError.notFound('The service');
      assertCityScope(actor, [service.city]);
      await manager.delete(ServiceEntity, { id });
      await this.audit.record({ actorId: actor.id, action: 'service.delete', entityType: 'service', entityId: id, before: toServiceDto(service) }, manager);
    });
  }

  private async search(query: SearchServicesQuery): Promise<{ rows: ServiceEntity[]; labels: Map<string, Record<string, string>>; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const offset = query.cursor ? decodeOffsetCursor(query.cursor) : 0;
    const builder = this.dataSource.getRepository(ServiceEntity).createQueryBuilder('s');
    if (query.city) builder.andWhere('s.city = :city', { city: query.city });
    if (query.category) builder.andWhere('s.category = :category', { category: query.category });
    if (query.languages?.length) builder.andWhere('s.languages && :languages::text[]', { languages: query.languages });
    const text = query.q?.trim() ? await searchQueries(this.dataSource, query.q.trim()) : null;
    if (text) {
      applyTextSearch(builder, text);
      builder.orderBy('rank', 'DESC');
    }
    builder.addOrderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').offset(offset).limit(limit + 1);
    const rows = await builder.getMany();
    const page = rows.slice(0, limit);
    const categories = await this.dataSource.getRepository(ServiceCategoryEntity).find();
    return {
      rows: page,
      labels: new Map(categories.map((c) => [c.slug, c.labels])),
      nextCursor: rows.length > limit ? encodeOffsetCursor(offset + limit) : null,
    };
  }

  private async find(id: string): Promise<ServiceEntity> {
    const service = await this.dataSource.getRepository(ServiceEntity).findOne({ where: { id } });
    if (!service) throw DomainError.notFound('The service');
    return service;
  }

  private async assertCategory(slug: string): Promise<void> {
    const exists = await this.dataSource.getRepository(ServiceCategoryEntity).exists({ where: { slug } });
    if (!exists) throw DomainError.invalidField('category', `category must be one of the categories of GET /api/public/service-categories; "${slug}" is not`);
  }

  private assertCoordinates(fields: { latitude?: number | null; longitude?: number | null }): void {
    const problem = coordinatesProblem(fields);
    if (problem) throw DomainError.invalidField(problem.field, problem.problem);
  }

  /** The entity's own fields in the DTO's shape, so that a PATCH merges over them. */
  private fieldsOf(service: ServiceEntity): ServiceFields {
    return {
      category: service.category,
      city: service.city,
      name: service.name,
      address: service.address,
      latitude: service.latitude,
      longitude: service.longitude,
      openingHours: service.openingHours,
      phone: service.phone,
      email: service.email,
      website: service.website,
      appointmentUrl: service.appointmentUrl,
      languages: service.languages,
      descriptions: service.descriptions,
    };
  }

  private columns(input: ServiceFields): Partial<ServiceEntity> {
    return {
      category: input.category,
      city: input.city,
      name: input.name,
      address: input.address ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      openingHours: input.openingHours ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      website: input.website ?? null,
      appointmentUrl: input.appointmentUrl ?? null,
      languages: [...new Set(input.languages ?? [])],
      descriptions: Object.fromEntries(Object.entries(input.descriptions ?? {}).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')),
    };
  }
}
