import { Content1795621895173 } from './1795621895173-Content';
import { Init1795620936531 } from './1795620936531-Init';
/** Every migration, in order. New ones are generated with `npm run db:generate -- Name`. */
export const MIGRATIONS = [Init1795620936531, Content1795621895173];
