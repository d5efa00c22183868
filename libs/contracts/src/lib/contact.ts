/** Contact requests: a newcomer's question to an ambassador or to the portal (the moderators of a city). */

export const CONTACT_REQUEST_STATUSES = ['new', 'answered', 'closed'] as const;
export type ContactRequestStatus = (typeof CONTACT_REQUEST_STATUSES)[number];

/** ambassador: sent to one ambassador; portal: sent to the portal and read by the moderators of its city. */
export const CONTACT_ROUTES = ['ambassador', 'portal'] as const;
export type ContactRoute = (typeof CONTACT_ROUTES)[number];

export const CONTACT_NAME_MAX_LENGTH = 200;
export const CONTACT_MESSAGE_MAX_LENGTH = 4000;
/** More links than this mark a message as spam. */
export const CONTACT_MESSAGE_MAX_LINKS = 3;
/** A form sent sooner than this after it was shown was filled by a machine. */
export const CONTACT_MIN_FILL_SECONDS = 3;
export const CONTACT_REPLY_MAX_LENGTH = 10000;

/** Languages the privacy notice is written in; any other language gets the English one. */
export const PRIVACY_NOTICE_LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk'] as const;
export type PrivacyNoticeLanguage = (typeof PRIVACY_NOTICE_LANGUAGES)[number];

/** `POST /api/public/contact-requests`. */
export interface CreateContactRequest {
  /** To this ambassador (`ambassadorId` of the public ambassador profiles); absent: to the portal of `city`. */
  ambassadorId?: string;
  /** Required without `ambassadorId`: the city whose moderators answer. */
  city?: string;
  name: string;
  email: string;
  /** ISO 639-1: the language the newcomer writes in and wants the answer in. */
  language: string;
  /** Plain text, at most 4000 characters and 3 links. */
  message: string;
  /** Must be true: the newcomer agreed to the privacy notice. */
  consent: boolean;
  /** Honeypot: a field people never see; bots fill it. Leave it empty. */
  website?: string;
  /**
   * When the form was shown: the `formToken` of `GET /api/public/privacy-notice` (preferred, signed by the
   * server), or milliseconds since 1970 by the browser's clock.
   */
  startedAt?: string | number;
}

/** The same answer for every accepted request (and for one a bot sent into the honeypot). */
export interface ContactRequestAccepted {
  received: true;
}

export interface PrivacyNoticeDto {
  /** The language of the text: the one asked for, or English when there is no translation. */
  language: PrivacyNoticeLanguage;
  /** Stored with each request, so it is known which text the newcomer agreed to. */
  version: string;
  title: string;
  /** Plain text; paragraphs separated by an empty line. */
  text: string;
  /** The label of the consent checkbox. */
  consentLabel: string;
  /** Send back as `startedAt` with the request. */
  formToken: string;
  minFillSeconds: number;
}

export interface ContactAmbassadorRef {
  id: string;
  displayName: string;
}

/** A request in the inbox list: no message and no e-mail address (opening one is recorded in the audit log). */
export interface ContactRequestSummaryDto {
  id: string;
  status: ContactRequestStatus;
  routedTo: ContactRoute;
  city: string | null;
  ambassador: ContactAmbassadorRef | null;
  name: string;
  language: string;
  createdAt: string;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface ContactReplyDto {
  id: string;
  authorName: string;
  message: string;
  createdAt: string;
}

/** One request with everything stored about it; all texts are plain text, never HTML. */
export interface ContactRequestDto extends ContactRequestSummaryDto {
  /** null for ambassadors: they answer through the portal and need no address (data minimisation). */
  email: string | null;
  message: string;
  consentAt: string;
  privacyNoticeVersion: string;
  assignedAt: string | null;
  /** Replies go to the newcomer from the portal's address; their answers come back to this address. */
  replyAddress: string;
  replies: ContactReplyDto[];
}

export interface ContactRequestListDto {
  items: ContactRequestSummaryDto[];
  nextCursor: string | null;
}

export interface ContactRequestListQuery {
  status?: ContactRequestStatus;
  city?: string;
  limit?: number;
  cursor?: string;
}

export interface ReplyToContactRequest {
  message: string;
}

export interface AssignContactRequest {
  ambassadorId: string;
}

/** A mail of the outbox as the data export shows it. */
export interface ContactMailExport {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
}

/** `GET /api/contact-requests/export?email=`: everything stored about one e-mail address. */
export interface ContactDataExport {
  email: string;
  exportedAt: string;
  contactRequests: ContactRequestDto[];
  mails: ContactMailExport[];
}

/** `DELETE /api/contact-requests?email=`: what was erased. */
export interface ContactDataErasure {
  email: string;
  contactRequests: number;
  mails: number;
}
