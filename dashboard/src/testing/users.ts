import { UserDto } from '@welcome-ruhr/contracts';

let sequence = 0;

/** A user as the API returns it; override what the test is about. */
export function newUser(overrides: Partial<UserDto> = {}): UserDto {
  sequence += 1;
  return {
    id: `user-${sequence}`,
    email: `user${sequence}@example.org`,
    name: `User ${sequence}`,
    role: 'moderator',
    cities: ['essen'],
    active: true,
    ambassadorId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastLoginAt: null,
    ...overrides,
  };
}
