import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { UpdateServiceCategoryDto } from './dto/update-service-category.dto';
import { ServiceCategoryEntity } from './service-category.entity';
import { ServiceEntity } from './service.entity';

function toDto(category: ServiceCategoryEntity): ServiceCategoryDto {
  return { slug: category.slug, labels: category.labels, position: category.position };
}

/** The categories of the directory; admins add, relabel, reorder and remove them. */
@Injectable()
export class ServiceCategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ServiceCategoryDto[]> {
    const categories = await this.dataSource.getRepository(ServiceCategoryEntity).find({ order: { position: 'ASC', slug: 'ASC' } });
    return categories.map(toDto);
  }

  async slugs(): Promise<Set<string>> {
    const rows: Array<{ slug: string }> = await this.dataSource.query(`SELECT slug FROM service_categories`);
    return new Set(rows.map((row) => row.slug));
  }

  /** Creates the category or replaces its labels (and position). */
  async put(actor: AuthUser, slug: string, input: UpdateServiceCategoryDto): Promise<ServiceCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ServiceCategoryEntity);
      const existing = await repository.findOne({ where: { slug }, lock: { mode: 'pessimistic_write' } });
      const labels = Object.fromEntries(Object.entries(input.labels).map(([language, label]) => [language, label.trim()]));
      const saved = await repository.save(
        existing
          ? Object.assign(existing, { labels, position: input.position ?? existing.position })
          : repository.create({ slug, labels, position: input.position ?? (await this.nextPosition(manager)) }),
      );
      await this.audit.record(
        { actorId: actor.id, action: existing ? 'service_category.update' : 'service_category.create', entityType: 'service_category', entityId: slug, before: existing ? toDto(existing) : null, after: toDto(saved) },
        manager,
      );
      return toDto(saved);
    });
  }

  async remove(actor: AuthUser, slug: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const category = await manager.getRepository(ServiceCategoryEntity).findOne({ where: { slug }, lock: { mode: 'pessimistic_write' } });
      if (!category) throw DomainError.notFound('The category');
      const used = await manager.getRepository(ServiceEntity).count({ where: { category: slug } });
      if (used > 0) throw new DomainError(ErrorCode.Conflict, `${used} service${used === 1 ? ' is' : 's are'} in this category; move or delete them first.`);
      await manager.delete(ServiceCategoryEntity, { slug });
      await this.audit.record({ actorId: actor.id, action: 'service_category.delete', entityType: 'service_category', entityId: slug, before: toDto(category) }, manager);
    });
  }

  private async nextPosition(manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT coalesce(max(position), 0) + 10 AS next FROM service_categories`)) as Array<{ next: number }>;
    return Number(row?.next ?? 10);
  }
}
