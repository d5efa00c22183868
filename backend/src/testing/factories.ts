import type { Role } from '@welcome-ruhr/contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { hashPassword } from '../auth/passwords';
import { ItemEntity } from '../items/item.entity';
import { SourceEntity } from '../sources/source.entity';
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

let sourceCounter = 0;

const A_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * A source row as the API would store it; an rss feed at an example address unless told otherwise.
 * Not due for a year (a running scheduler would only fail on example.org): pass `nextFetchAt` to schedule it.
 */
export async function newSource(dataSource: DataSource, fields: Partial<SourceEntity> = {}): Promise<SourceEntity> {
  const n = ++sourceCounter;
  const repository = dataSource.getRepository(SourceEntity);
  return repository.save(
    repository.create({
      type: 'rss',
      kind: 'partner',
      name: `Test Source ${n}`,
      url: fields.type === 'facebook_page' ? null : `https://feeds.example.org/${randomBytes(4).toString('hex')}.xml`,
      externalId: null,
      cities: ['essen'],
      topics: [],
      languages: [],
      autoApprove: false,
      active: true,
      nextFetchAt: new Date(Date.now() + A_YEAR_MS),
      ...fields,
    }),
  );
}

let itemCounter = 0;

/** An item of `source`, pending unless told otherwise; its key and link are unique. */
export async function newItem(
  dataSource: DataSource,
  source: Pick<SourceEntity, 'id'>,
  fields: Partial<ItemEntity> = {},
): Promise<ItemEntity> {
  const n = ++itemCounter;
  const repository = dataSource.getRepository(ItemEntity);
  const url = fields.url === undefined ? `https://news.example.org/${randomBytes(4).toString('hex')}/${n}` : fields.url;
  const now = new Date();
  return repository.save(
    repository.create({
      sourceId: source.id,
      key: url ?? `item-${n}-${randomBytes(4).toString('hex')}`,
      title: `Test item ${n}`,
      summary: `Summary of test item ${n}`,
      html: `<p>Text of test item ${n}</p>`,
      url,
      canonicalUrl: url,
      imageUrl: null,
      author: null,
      publishedAt: now,
      fetchedAt: now,
      contentHash: createHash('sha256').update(`item-${n}`).digest('hex'),
      language: 'de',
      languageConfidence: 1,
      cities: ['essen'],
      topics: [],
      status: 'pending',
      heldReasons: [],
      ...fields,
    }),
  );
}
