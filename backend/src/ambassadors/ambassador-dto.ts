import type { AmbassadorProfileDto, PublicAmbassadorDto } from '@welcome-ruhr/contracts';
import type { AmbassadorEntity } from './ambassador.entity';

/** Versioned by the photo's time, so a new photo is a new address and may be cached for long. */
export function publicPhotoUrl(ambassador: Pick<AmbassadorEntity, 'id' | 'photoUpdatedAt'>): string | null {
  return ambassador.photoUpdatedAt ? `/api/public/ambassadors/${ambassador.id}/photo?v=${ambassador.photoUpdatedAt.getTime()}` : null;
}

export function toPublicAmbassadorDto(a: AmbassadorEntity): PublicAmbassadorDto {
  return {
    id: a.id,
    displayName: a.displayName,
    languages: a.languages,
    city: a.city,
    community: a.community,
    bio: a.bio,
    photoUrl: publicPhotoUrl(a),
  };
}

/** The owner's view; the photo through the signed-in address, since a hidden profile's photo is not public. */
export function toProfileDto(a: AmbassadorEntity): AmbassadorProfileDto {
  return {
    ...toPublicAmbassadorDto(a),
    photoUrl: a.photoUpdatedAt ? `/api/ambassadors/me/photo?v=${a.photoUpdatedAt.getTime()}` : null,
    visible: a.visible,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** What a visible profile needs, in words; empty when it is complete. */
export function missingForVisibility(a: Pick<AmbassadorEntity, 'city' | 'languages' | 'bio'>): string[] {
  const missing: string[] = [];
  if (!a.city) missing.push('a city');
  if (a.languages.length === 0) missing.push('a language');
  if (!Object.values(a.bio).some((text) => text.trim())) missing.push('a bio');
  return missing;
}
