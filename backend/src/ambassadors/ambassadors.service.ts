import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AMBASSADOR_PHOTO_MAX_BYTES, AMBASSADOR_PHOTO_SIZE_PX, type AmbassadorProfileDto, type PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AmbassadorPhotoEntity } from './ambassador-photo.entity';
import { missingForVisibility, toProfileDto, toPublicAmbassadorDto } from './ambassador-dto';
import { AmbassadorEntity } from './ambassador.entity';
import type { PublicAmbassadorsQuery } from './dto/public-ambassadors.query';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { processImage } from './image-body';

export interface StoredPhoto {
  content: Buffer;
  contentType: string;
  etag: string;
}

/** Ambassador profiles: the ambassador's own editing, and the public directory of visible ones. */
@Injectable()
export class AmbassadorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's ambassador record; only ambassadors have one (created with the user). */
  async ofUser(user: Pick<AuthUser, 'id'>): Promise<AmbassadorEntity> {
    const ambassador = await this.dataSource.getRepository(AmbassadorEntity).findOne({ where: { userId: user.id } });
    if (!ambassador) throw new DomainError(ErrorCode.Forbidden, 'Only ambassadors have a profile, channels and posts.');
    return ambassador;
  }

  async profile(user: AuthUser): Promise<AmbassadorProfileDto> {
    return toProfileDto(await this.ofUser(user));
  }

  async update(user: AuthUser, input: UpdateProfileDto): Promise<AmbassadorProfileDto> {
    const repository = this.dataSource.getRepository(AmbassadorEntity);
    const ambassador = await this.ofUser(user);
    if (input.displayName !== undefined) ambassador.displayName = input.displayName;
    if (input.languages !== undefined) ambassador.languages = input.languages;
    if (input.city !== undefined) ambassador.city = input.city;
    if (input.community !== undefined) ambassador.community = input.community;
    if (input.bio !== undefined) {
      ambassador.bio = Object.fromEntries(Object.entries(input.bio).map(([lang, text]) => [lang, text.trim()]).filter(([, text]) => text));
    }
    if (input.visible !== undefined) ambassador.visible = input.visible;
    if (ambassador.visible) {
      const missing = missingForVisibility(ambassador);
      if (missing.length > 0) {
        throw DomainError.invalidField('visible', `visible needs ${missing.join(', ')} in the profile first`);
      }
    }
    return toProfileDto(await repository.save(ambassador));
  }

  async setPhoto(user: AuthUser, body: unknown, contentType: string | undefined): Promise<AmbassadorProfileDto> {
    const ambassador = await this.ofUser(user);
    const image = await processImage(body, contentType, {
      maxBytes: AMBASSADOR_PHOTO_MAX_BYTES,
      width: AMBASSADOR_PHOTO_SIZE_PX,
      height: AMBASSADOR_PHOTO_SIZE_PX,
      fit: 'cover',
    });
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(AmbassadorPhotoEntity, { ambassadorId: ambassador.id, content: image.content, contentType: image.contentType, updatedAt: now }, ['ambassadorId']);
      await manager.update(AmbassadorEntity, { id: ambassador.id }, { photoUpdatedAt: now });
    });
    return this.profile(user);
  }

  async removePhoto(user: AuthUser): Promise<AmbassadorProfileDto> {
    const ambassador = await this.ofUser(user);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(AmbassadorPhotoEntity, { ambassadorId: ambassador.id });
      await manager.update(AmbassadorEntity, { id: ambassador.id }, { photoUpdatedAt: null });
    });
    return this.profile(user);
  }

  async ownPhoto(user: AuthUser): Promise<StoredPhoto> {
    const ambassador = await this.ofUser(user);
    return this.photoOf(ambassador.id);
  }

  /** Visible profiles, by city and language; sorted by name. */
  async directory(query: PublicAmbassadorsQuery): Promise<PublicAmbassadorDto[]> {
    const builder = this.dataSource
      .getRepository(AmbassadorEntity)
      .createQueryBuilder('a')
      .innerJoin('a.user', 'u')
      .where('a.visible')
      .andWhere('u.active')
      .orderBy('a.display_name', 'ASC')
      .addOrderBy('a.id', 'ASC');
    if (query.city) builder.andWhere('a.city = :city', { city: query.city });
    if (query.lang) builder.andWhere(':lang = ANY(a.languages)', { lang: query.lang });
    return (await builder.getMany()).map(toPublicAmbassadorDto);
  }

  async publicProfile(id: string): Promise<PublicAmbassadorDto> {
    return toPublicAmbassadorDto(await this.visible(id));
  }

  /** A visible ambassador's photo. */
  async publicPhoto(id: string): Promise<StoredPhoto> {
    const ambassador = await this.visible(id);
    return this.photoOf(ambassador.id);
  }

  private async visible(id: string): Promise<AmbassadorEntity> {
    const ambassador = await this.dataSource
      .getRepository(AmbassadorEntity)
      .createQueryBuilder('a')
      .innerJoin('a.user', 'u')
      .where('a.id = :id AND a.visible AND u.active', { id })
      .getOne();
    if (!ambassador) throw DomainError.notFound('The ambassador');
    return ambassador;
  }

  private async photoOf(ambassadorId: string): Promise<StoredPhoto> {
    const photo = await this.dataSource.getRepository(AmbassadorPhotoEntity).findOne({ where: { ambassadorId } });
    if (!photo) throw DomainError.notFound('The photo');
    return { content: photo.content, contentType: photo.contentType, etag: `"${createHash('sha1').update(photo.content).digest('hex')}"` };
  }
}
