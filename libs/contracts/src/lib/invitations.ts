import type { Role } from './users';

/** Languages the invitation mail is written in. */
export const INVITATION_LANGUAGES = ['de', 'en'] as const;
export type InvitationLanguage = (typeof INVITATION_LANGUAGES)[number];

/** `POST /api/invitations` (admin): sends a link that lets the invitee set a password. */
export interface CreateInvitationRequest {
  email: string;
  name: string;
  role: Role;
  cities?: string[];
  /** The language of the invitation mail; default de. */
  language?: InvitationLanguage;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface InvitationDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  cities: string[];
  language: InvitationLanguage;
  status: InvitationStatus;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** `GET /api/invitations/:token`: what the invitee sees before setting a password. */
export interface InvitationPreviewDto {
  email: string;
  name: string;
  role: Role;
  cities: string[];
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  password: string;
}
