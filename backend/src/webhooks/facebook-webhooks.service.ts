import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FacebookPageFetchService } from '../facebook/facebook-page-fetch.service';
import { isValidFacebookSignature } from './webhook-signature';

interface PageUpdate {
  object?: string;
  entry?: { id?: string; time?: number; changes?: { field?: string; value?: unknown }[] }[];
}

/**
 * Facebook's webhooks for pages: the subscription handshake, and signed updates that make the sources
 * of the changed pages due at once (their next read picks the change up through the normal path).
 */
@Injectable()
export class FacebookWebhooksService {
  private readonly logger = new Logger(FacebookWebhooksService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: FacebookPageFetchService,
  ) {}

  /** `hub.mode=subscribe` with our verify token: answer the challenge. */
  verify(mode: string | undefined, token: string | undefined, challenge: string | undefined): string {
    const expected = this.config.facebookWebhookVerifyToken;
    if (!expected) throw new DomainError(ErrorCode.ServiceUnavailable, 'Facebook webhooks are not set up on this server (FACEBOOK_WEBHOOK_VERIFY_TOKEN).');
    if (mode !== 'subscribe' || token !== expected || !challenge) {
      throw new DomainError(ErrorCode.Forbidden, 'The verification request does not match this server’s verify token.');
    }
    return challenge;
  }

  /** Checks the signature over the raw body, then queues a read of every page the update names. */
  async receive(rawBody: Buffer | undefined, signature: string | undefined, body: unknown): Promise<{ pages: number; sources: number }> {
    const secret = this.config.facebookAppSecret;
    if (!secret) throw new DomainError(ErrorCode.ServiceUnavailable, 'Facebook webhooks are not set up on this server (FACEBOOK_APP_SECRET).');
    if (!signature) throw new DomainError(ErrorCode.Unauthenticated, 'The X-Hub-Signature-256 header is missing.');
    if (!rawBody || !isValidFacebookSignature(rawBody, signature, secret)) {
      throw new DomainError(ErrorCode.Forbidden, 'The X-Hub-Signature-256 signature does not match the body.');
    }
    const update = (body ?? {}) as PageUpdate;
    if (update.object !== 'page') return { pages: 0, sources: 0 };
    const pageIds = [...new Set((update.entry ?? []).map((e) => e.id).filter((id): id is string => typeof id === 'string' && /^\d{1,30}$/.test(id)))];
    let sources = 0;
    for (const pageId of pageIds) sources += (await this.pages.pageChanged(pageId)).length;
    this.logger.log({ pages: pageIds.length, sources }, 'Facebook page update received');
    return { pages: pageIds.length, sources };
  }
}
