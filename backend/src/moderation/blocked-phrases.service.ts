import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BlockedPhraseDto } from '@welcome-ruhr/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { BlockedPhraseEntity } from './blocked-phrase.entity';
import type { CreateBlockedPhraseDto } from './dto/create-blocked-phrase.dto';
import { ModerationRulesService } from './moderation-rules.service';

function toDto(row: BlockedPhraseEntity): BlockedPhraseDto {
  return { id: row.id, phrase: row.phrase, language: row.language, createdAt: row.createdAt.toISOString() };
}

/** The editable list of words and phrases that hold items for review. */
@Injectable()
export class BlockedPhrasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ModerationRulesService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<BlockedPhraseDto[]> {
    const rows = await this.dataSource.getRepository(BlockedPhraseEntity).createQueryBuilder('p').orderBy('lower(p.phrase)', 'ASC').getMany();
    return rows.map(toDto);
  }

  async create(actor: AuthUser, request: CreateBlockedPhraseDto): Promise<BlockedPhraseDto> {
    const created = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(BlockedPhraseEntity);
      // Matching ignores case, so "Spam" and "spam" would be one rule twice.
      const taken = await repository.createQueryBuilder('p').where('lower(p.phrase) = lower(:phrase)', { phrase: request.phrase }).getExists();
      if (taken) throw new DomainError(ErrorCode.Conflict, 'This phrase is on the list already.', { fields: [{ field: 'phrase', problem: 'is on the list already' }] });
      const row = await repository.save(repository.create({ phrase: request.phrase, language: request.language ?? null, createdBy: actor.id }));
      await this.audit.record({ actorId: actor.id, action: 'blocked_phrase.create', entityType: 'blocked_phrase', entityId: row.id, after: { phrase: row.phrase, language: row.language } }, manager);
      return row;
    });
    this.rules.invalidate();
    return toDto(created);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(BlockedPhraseEntity);
      const row = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('The blocked phrase');
      await repository.delete({ id });
      await this.audit.record({ actorId: actor.id, action: 'blocked_phrase.delete', entityType: 'blocked_phrase', entityId: id, before: { phrase: row.phrase, language: row.language } }, manager);
    });
    this.rules.invalidate();
  }
}
