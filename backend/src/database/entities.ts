import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, in one list that the data source and the migration tools share. */
export const ENTITIES = [UserEntity, AmbassadorEntity, SessionEntity];
