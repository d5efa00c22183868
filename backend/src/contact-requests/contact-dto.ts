import type { ContactReplyDto, ContactRequestDto, ContactRequestSummaryDto } from '@welcome-ruhr/contracts';
import type { AuthUser } from '../auth/auth-user';
import type { ContactReplyEntity } from './contact-reply.entity';
import type { ContactRequestEntity } from './contact-request.entity';

export interface AmbassadorName {
  id: string;
  displayName: string;
}

export function toSummaryDto(request: ContactRequestEntity, ambassador: AmbassadorName | null): ContactRequestSummaryDto {
  return {
    id: request.id,
    status: request.status,
    routedTo: request.routedTo,
    city: request.city,
    ambassador,
    name: request.name,
    language: request.language,
    createdAt: request.createdAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
    closedAt: request.closedAt?.toISOString() ?? null,
  };
}

export function toReplyDto(reply: ContactReplyEntity): ContactReplyDto {
  return { id: reply.id, authorName: reply.authorName, message: reply.message, createdAt: reply.createdAt.toISOString() };
}

/** Everything about a request; ambassadors answer through the portal, so they do not get the address. */
export function toDetailDto(
  request: ContactRequestEntity,
  ambassador: AmbassadorName | null,
  replies: ContactReplyEntity[],
  replyAddress: string,
  viewer: Pick<AuthUser, 'role'> | null,
): ContactRequestDto {
  return {
    ...toSummaryDto(request, ambassador),
    email: viewer?.role === 'ambassador' ? null : request.email,
    message: request.message,
    consentAt: request.consentAt.toISOString(),
    privacyNoticeVersion: request.privacyNoticeVersion,
    assignedAt: request.assignedAt?.toISOString() ?? null,
    replyAddress,
    replies: replies.map(toReplyDto),
  };
}

/** The reply address of a request: the local part of MAIL_REPLY_TO plus "+token" (sub-addressing). */
export function replyAddressOf(mailReplyTo: string, token: string): string {
  const at = mailReplyTo.lastIndexOf('@');
  return `${mailReplyTo.slice(0, at)}+${token}@${mailReplyTo.slice(at + 1)}`;
}
