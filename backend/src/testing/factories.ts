import type { Role } from '@welcome-ruhr/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { hashPassword } from '../auth/passwords';
import { UserEntity } from '../users/user.entity';

const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose; tests reuse one hash per password. */
function cachedHash(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

export async function newUser(
  dataSource: DataSource,
  fields: Partial<Pick<UserEntity, 'email' | 'name' | 'role' | 'cities' | 'active'>> & { password?: string; role?: Role } = {},
): Promise<UserEntity> {
  const suffix = randomBytes(4).toString('hex');
  const repository = dataSource.getRepository(UserEntity);
  const user = await repository.save(
    repository.create({
      email: fields.email ?? `user-${suffix}@example.org`,
      name: fields.name ?? `Test User ${suffix}`,
      role: fields.role ?? 'moderator',
      cities: fields.cities ?? ['essen'],
      active: fields.active ?? true,
      passwordHash: await cachedHash(fields.password ?? 'correct-horse-battery'),
      lastLoginAt: null,
    }),
  );
  if (user.role === 'ambassador') {
    await dataSource.getRepository(AmbassadorEntity).save({ userId: user.id, displayName: user.name, visible: false });
  }
  return user;
}
