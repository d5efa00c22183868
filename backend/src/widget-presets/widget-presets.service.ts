import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicWidgetPresetDto, WidgetPresetAttributes, WidgetPresetDto } from '@welcome-ruhr/contracts';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertCityScope, canAccessCity, type AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { CreateWidgetPresetDto } from './dto/create-widget-preset.dto';
import type { UpdateWidgetPresetDto } from './dto/update-widget-preset.dto';
import { WidgetPresetEntity } from './widget-preset.entity';

type Editor = Pick<AuthUser, 'id' | 'role' | 'cities'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Widget presets: read by anyone (the widget), written by the moderators of their city and by admins. */
@Injectable()
export class WidgetPresetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private get presets() {
    return this.dataSource.getRepository(WidgetPresetEntity);
  }

  /** What `<welcome-ruhr-feed preset>` reads: no name, no author. */
  async getPublic(id: string): Promise<PublicWidgetPresetDto> {
    const preset = await this.find(id);
    return { id: preset.id, city: preset.city, attributes: preset.attributes };
  }

  async list(viewer: Editor, city?: string): Promise<WidgetPresetDto[]> {
    if (city) assertCityScope(viewer, [city]);
    const query = this.presets.createQueryBuilder('p').orderBy('p.city').addOrderBy('p.name');
    if (city) query.where('p.city = :city', { city });
    else if (viewer.role !== 'admin') query.where('p.city = ANY(:cities)', { cities: viewer.cities });
    return (await query.getMany()).map(toDto);
  }

  async get(viewer: Editor, id: string): Promise<WidgetPresetDto> {
    return toDto(await this.findEditable(viewer, id));
  }

  async create(viewer: Editor, body: CreateWidgetPresetDto): Promise<WidgetPresetDto> {
    assertCityScope(viewer, [body.city]);
    return this.dataSource.transaction(async (manager) => {
      const preset = await this.save(manager, manager.create(WidgetPresetEntity, {
        city: body.city,
        name: body.name.trim(),
        attributes: plain(body.attributes),
        createdBy: viewer.id,
      }));
      await this.record(manager, viewer, 'widget_preset.create', preset.id, null, toDto(preset));
      return toDto(preset);
    });
  }

  async update(viewer: Editor, id: string, body: UpdateWidgetPresetDto): Promise<WidgetPresetDto> {
    return this.dataSource.transaction(async (manager) => {
      const preset = await this.findEditable(viewer, id, manager);
      const before = toDto(preset);
      if (body.city !== undefined) {
        assertCityScope(viewer, [body.city]);
        preset.city = body.city;
      }
      if (body.name !== undefined) preset.name = body.name.trim();
      if (body.attributes !== undefined) preset.attributes = plain(body.attributes);
      const saved = await this.save(manager, preset);
      await this.record(manager, viewer, 'widget_preset.update', id, before, toDto(saved));
      return toDto(saved);
    });
  }

  async remove(viewer: Editor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const preset = await this.findEditable(viewer, id, manager);
      await manager.delete(WidgetPresetEntity, { id });
      await this.record(manager, viewer, 'widget_preset.delete', id, toDto(preset), null);
    });
  }

  private async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<WidgetPresetEntity> {
    const preset = UUID.test(id) ? await manager.findOneBy(WidgetPresetEntity, { id }) : null;
    if (!preset) throw DomainError.notFound('The widget preset');
    return preset;
  }

  /** Someone else's city's presets are not found rather than forbidden: their ids are no secret, but their names are. */
  private async findEditable(viewer: Editor, id: string, manager?: EntityManager): Promise<WidgetPresetEntity> {
    const preset = await this.find(id, manager);
    if (!canAccessCity(viewer, preset.city)) throw DomainError.notFound('The widget preset');
    return preset;
  }

  private async save(manager: EntityManager, preset: WidgetPresetEntity): Promise<WidgetPresetEntity> {
    const clash = await manager
      .createQueryBuilder(WidgetPresetEntity, 'p')
      .where('p.city = :city AND p.name = :name', { city: preset.city, name: preset.name })
      .andWhere(preset.id ? 'p.id <> :id' : 'TRUE', { id: preset.id })
      .getExists();
    if (clash) throw nameTaken(preset);
    try {
      return await manager.save(WidgetPresetEntity, preset);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') throw nameTaken(preset);
      throw error;
    }
  }

  private record(manager: EntityManager, viewer: Editor, action: string, id: string, before: unknown, after: unknown) {
    return this.audit.record({ actorId: viewer.id, action, entityType: 'widget_preset', entityId: id, before, after }, manager);
  }
}

function nameTaken(preset: Pick<WidgetPresetEntity, 'city' | 'name'>): DomainError {
  return new DomainError(ErrorCode.Conflict, `${preset.city} already has a widget preset named “${preset.name}”; choose another name.`, {
    fields: [{ field: 'name', problem: 'is taken in this city' }],
  });
}

/** The validated DTO as plain JSON: no class instance, no undefined keys in the database. */
function plain(attributes: WidgetPresetAttributes): WidgetPresetAttributes {
  return JSON.parse(JSON.stringify(attributes)) as WidgetPresetAttributes;
}

function toDto(preset: WidgetPresetEntity): WidgetPresetDto {
  return {
    id: preset.id,
    city: preset.city,
    name: preset.name,
    attributes: preset.attributes,
    createdBy: preset.createdBy,
    createdAt: preset.createdAt.toISOString(),
    updatedAt: preset.updatedAt.toISOString(),
  };
}
