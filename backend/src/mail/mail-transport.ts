import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface TransportMessage {
  to: string;
  fromName: string | null;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  language: string;
}

type Transporter = ReturnType<typeof createTransport>;

/** nodemailer over SMTP_URL; without it nothing is sent and mails wait in the outbox. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;
  private readonly fromAddress: string;
  private readonly fromName: string;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>) {
    const match = config.mailFrom.match(/^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/);
    this.fromAddress = (match?.[2] ?? config.mailFrom).trim();
    this.fromName = match?.[1]?.trim() || 'Welcome Ruhr';
  }

  get configured(): boolean {
    return this.config.smtpUrl !== null;
  }

  /** The Message-ID the server accepted the mail under. Throws nodemailer's error (with responseCode) on failure. */
  async send(message: TransportMessage): Promise<string> {
    const transporter = this.connect();
    const info = await transporter.sendMail({
      from: { name: message.fromName ?? this.fromName, address: this.fromAddress },
      to: message.to,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      headers: { 'Content-Language': message.language },
    });
    return String(info.messageId ?? '');
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.transporter = null;
  }

  private connect(): Transporter {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    // Short timeouts: a hanging server must not hold the worker; the mail is simply tried again later.
    this.transporter ??= createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof createTransport>[0]);
    return this.transporter;
  }
}
