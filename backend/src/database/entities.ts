import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { SessionEntity } from '../auth/session.entity';
import { ItemEntity } from '../items/item.entity';
import { BlockedPhraseEntity } from '../moderation/blocked-phrase.entity';
import { SourceEntity } from '../sources/source.entity';
import { TopicEntity } from '../taxonomy/topic.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, in one list that the data source and the migration tools share. */
export const ENTITIES = [UserEntity, AmbassadorEntity, SessionEntity, SourceEntity, ItemEntity, AuditEntryEntity, BlockedPhraseEntity, TopicEntity];
