/** waiting: not sent yet (also between retries); sent: handed to the SMTP server; failed: given up, an admin may retry. */
export const OUTBOX_STATUSES = ['waiting', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A mail of the outbox as admins see it; the text is left out (it may hold personal data). */
export interface OutboxMessageDto {
  id: string;
  kind: string;
  to: string;
  subject: string;
  language: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

export interface OutboxListDto {
  items: OutboxMessageDto[];
  nextCursor: string | null;
  /** false: SMTP_URL is not set, so every mail waits here. */
  smtpConfigured: boolean;
}
