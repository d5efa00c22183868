import type { LoginResponse } from '@welcome-ruhr/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { newUser } from '../testing/factories';
import type { TestApp } from '../testing/test-app';
import type { UserEntity } from '../users/user.entity';
import { ContactRequestEntity } from './contact-request.entity';

/** An ambassador who takes questions (visible profile, active user). */
export async function newAmbassador(
  dataSource: DataSource,
  fields: { cities?: string[]; displayName?: string; visible?: boolean; email?: string } = {},
): Promise<{ user: UserEntity; ambassador: AmbassadorEntity }> {
  const user = await newUser(dataSource, { role: 'ambassador', cities: fields.cities ?? ['bochum'], ...(fields.email ? { email: fields.email } : {}) });
  const repository = dataSource.getRepository(AmbassadorEntity);
  await repository.update({ userId: user.id }, { visible: fields.visible ?? true, displayName: fields.displayName ?? user.name });
  return { user, ambassador: (await repository.findOne({ where: { userId: user.id } }))! };
}

/** Signs in as an existing user (created by the factories with their default password). */
export async function signInAs(t: TestApp, user: Pick<UserEntity, 'email'>): Promise<{ authorization: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'correct-horse-battery' } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return { authorization: `Bearer ${response.json<LoginResponse>().accessToken}` };
}

/** A stored request, as the public form would have left it. */
export async function newContactRequest(dataSource: DataSource, fields: Partial<ContactRequestEntity> = {}): Promise<ContactRequestEntity> {
  const repository = dataSource.getRepository(ContactRequestEntity);
  return repository.save(
    repository.create({
      routedTo: fields.ambassadorId ? 'ambassador' : 'portal',
      ambassadorId: null,
      city: 'bochum',
      name: 'Olena',
      email: `newcomer-${randomBytes(4).toString('hex')}@example.org`,
      language: 'uk',
      message: 'Як зареєструватися в Бохумі?',
      status: 'new',
      consentAt: new Date(),
      privacyNoticeVersion: 'uk-test',
      replyToken: randomBytes(16).toString('hex'),
      ...fields,
    }),
  );
}

/** A valid body of the public form; a different e-mail each call. */
export function contactBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    city: 'bochum',
    name: 'Olena',
    email: `olena-${randomBytes(4).toString('hex')}@example.org`,
    language: 'uk',
    message: 'Добрий день! Як мені зареєструвати місце проживання?',
    consent: true,
    startedAt: Date.now() - 60_000,
    ...fields,
  };
}
