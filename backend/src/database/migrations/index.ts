import { Content1795621895173 } from './1795621895173-Content';
import { Init1795620936531 } from './1795620936531-Init';
import { AddSourceFetchOutcome1795622232589 } from './1795622232589-AddSourceFetchOutcome';
import { WidgetPresets1795622693007 } from './1795622693007-WidgetPresets';
import { FeedIndexes1795622860035 } from './1795622860035-FeedIndexes';
import { AmbassadorsPublishing1795623500000 } from './1795623500000-AmbassadorsPublishing';
import { ContactAndServices1795622981083 } from './1795622981083-ContactAndServices';
import { SourceWebhookState1795632410954 } from './1795632410954-SourceWebhookState';
import { SharedReplicaState1795633991789 } from './1795633991789-SharedReplicaState';
/** Every migration, in order. New ones are generated with `npm run db:generate -- Name`. */
export const MIGRATIONS = [Init1795620936531, Content1795621895173, AddSourceFetchOutcome1795622232589, WidgetPresets1795622693007, FeedIndexes1795622860035, ContactAndServices1795622981083, AmbassadorsPublishing1795623500000, SourceWebhookState1795632410954, SharedReplicaState1795633991789];
