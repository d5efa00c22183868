export const ROLES = ['admin', 'moderator', 'ambassador'] as const;
export type Role = (typeof ROLES)[number];

/** A user as every API returns it: never the password hash. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** City slugs the user works for; empty for admins (they see all cities). */
  cities: string[];
  active: boolean;
  /** Set for ambassadors: the id that public endpoints and contact requests use. */
  ambassadorId: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires; the dashboard refreshes before that. */
  expiresIn: number;
  user: UserDto;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  name: string;
  role: Role;
  cities?: string[];
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  cities?: string[];
  active?: boolean;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UserListQuery {
  role?: Role;
  city?: string;
  q?: string;
  active?: boolean;
}

export const PASSWORD_MIN_LENGTH = 10;
