import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The time a contact form was shown, signed by the server: measures the fill time by the server's clock
 * (a browser's clock may be off by minutes) and cannot be backdated by a bot.
 */
export function issueFormToken(secretKey: string, now = Date.now()): string {
  return `${now}.${sign(secretKey, now)}`;
}

/** The time in the token, or null when it is not one of ours. */
export function readFormToken(secretKey: string, token: string): number | null {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secretKey, issuedAt));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? issuedAt : null;
}

function sign(secretKey: string, issuedAt: number): string {
  return createHmac('sha256', secretKey).update(`contact-form:${issuedAt}`).digest('base64url');
}
