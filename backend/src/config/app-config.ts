import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * The one typed configuration of the backend, read from the environment once at boot.
 * A wrong value stops the start with one line naming the variable and what it expects.
 */
export interface AppConfig {
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  secretKey: string;
  facebookGraphUrl: string;
  facebookAppId: string | null;
  facebookAppSecret: string | null;
  facebookWebhookVerifyToken: string | null;
  fetchAllowPrivateHosts: string[];
  /** SCHEDULER_ENABLED (default true): this process claims and fetches due sources; "fetch now" works either way. */
  schedulerEnabled: boolean;
  /** PUBLISHER_ENABLED (default: as SCHEDULER_ENABLED, i.e. true): this process publishes due posts. */
  publisherEnabled: boolean;
  /** PUBLISHER_CONCURRENCY (default 4): deliveries this process sends at once. */
  publisherConcurrency: number;
  /** PUBLISHER_LEASE_SECONDS (default 120): how long a claimed delivery stays this process's; a crashed process's come back after it. */
  publisherLeaseSeconds: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** MAIL_REPLY_TO (default the address of MAIL_FROM): answers to the portal's mails go to local+<token>@domain of it. */
  mailReplyTo: string;
  /** MAIL_OUTBOX_RETENTION_DAYS (default 30): sent mails are deleted from the outbox this many days later. */
  mailOutboxRetentionDays: number;
  /** CONTACT_RETENTION_DAYS (default 90): contact requests are deleted this many days after they were closed. */
  contactRetentionDays: number;
  /** INVITATION_VALID_HOURS (default 72): how long the link of an invitation works. */
  invitationValidHours: number;
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  /** Where the built dashboard and widgets are served from; null when not built. */
  staticDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expectation: string,
    readonly got: string | undefined,
  ) {
    super(`Configuration error: ${variable} ${expectation}${got === undefined ? '' : ` (got "${got}")`}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function url(env: Env, name: string, protocols: string[], fallback: string | null): string | null {
  const raw = text(env, name);
  if (raw === null) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL starting with ${protocols.join(' or ')}`, raw);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must be a URL starting with ${protocols.join(' or ')}`, raw);
  }
  return raw.replace(/\/+$/, '');
}

function flag(env: Env, name: string, fallback = false): boolean {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'must be true or false', raw);
}

/** SECRET_KEY unset: generate one into DATA_DIR so stored tokens survive restarts. */
function secretKey(env: Env, dataDir: string): string {
  const raw = text(env, 'SECRET_KEY');
  if (raw !== null) {
    if (raw.length < 32) throw new ConfigError('SECRET_KEY', 'must be at least 32 characters long', '…');
    return raw;
  }
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(48).toString('base64url');
  writeFileSync(file, generated + '\n', { mode: 0o600 });
  return generated;
}

/** MAIL_REPLY_TO, or the address inside MAIL_FROM ("Name <address>" or a bare address). */
function mailReplyTo(env: Env, mailFrom: string): string {
  // Host names without a dot (localhost) are fine for mail addresses on a test machine.
  const mailbox = /^[^\s@<>"]+@[^\s@<>"]+$/;
  const raw = text(env, 'MAIL_REPLY_TO');
  if (raw !== null) {
    if (!mailbox.test(raw)) throw new ConfigError('MAIL_REPLY_TO', 'must be an e-mail address', raw);
    return raw;
  }
  const address = (mailFrom.match(/<([^<>]+)>\s*$/)?.[1] ?? mailFrom).trim();
  if (!mailbox.test(address)) throw new ConfigError('MAIL_FROM', 'must be an e-mail address or "Name <address>"', mailFrom);
  return address;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  const dataDir = resolve(text(env, 'DATA_DIR') ?? './data');

  const adminEmail = text(env, 'ADMIN_EMAIL');
  if (adminEmail !== null && !EMAIL.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address', adminEmail);
  }
  const adminPassword = text(env, 'ADMIN_PASSWORD');
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters long', undefined);
  }
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(
      adminEmail === null ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'must be set together with ' + (adminEmail === null ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'),
      undefined,
    );
  }

  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, logLevel);
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`) as string;
  const mailFrom = text(env, 'MAIL_FROM') ?? `Welcome Ruhr <no-reply@${new URL(publicUrl).hostname}>`;

  return {
    port,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], null),
    dataDir,
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    secretKey: secretKey(env, dataDir),
    facebookGraphUrl: url(env, 'FACEBOOK_GRAPH_URL', ['http:', 'https:'], 'https://graph.facebook.com') as string,
    facebookAppId: text(env, 'FACEBOOK_APP_ID'),
    facebookAppSecret: text(env, 'FACEBOOK_APP_SECRET'),
    facebookWebhookVerifyToken: text(env, 'FACEBOOK_WEBHOOK_VERIFY_TOKEN'),
    fetchAllowPrivateHosts: (text(env, 'FETCH_ALLOW_PRIVATE_HOSTS') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    schedulerEnabled: flag(env, 'SCHEDULER_ENABLED', true),
    // Publishing is timed work too: off with SCHEDULER_ENABLED=false unless PUBLISHER_ENABLED says otherwise.
    publisherEnabled: flag(env, 'PUBLISHER_ENABLED', flag(env, 'SCHEDULER_ENABLED', true)),
    publisherConcurrency: integer(env, 'PUBLISHER_CONCURRENCY', 4, 1, 64),
    publisherLeaseSeconds: integer(env, 'PUBLISHER_LEASE_SECONDS', 120, 3, 3600),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:'], null),
    mailFrom,
    mailReplyTo: mailReplyTo(env, mailFrom),
    mailOutboxRetentionDays: integer(env, 'MAIL_OUTBOX_RETENTION_DAYS', 30, 1, 3650),
    contactRetentionDays: integer(env, 'CONTACT_RETENTION_DAYS', 90, 1, 3650),
    invitationValidHours: integer(env, 'INVITATION_VALID_HOURS', 72, 1, 720),
    publicUrl,
    logLevel,
    trustProxy: flag(env, 'TRUST_PROXY'),
    staticDir: resolve(text(env, 'STATIC_DIR') ?? join(__dirname, '..')),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
