import type { PublicServiceDto, ServiceDto } from '@welcome-ruhr/contracts';
import type { ServiceEntity } from './service.entity';

export function toServiceDto(service: ServiceEntity): ServiceDto {
  return {
    id: service.id,
    category: service.category,
    city: service.city,
    name: service.name,
    address: service.address,
    location: service.latitude !== null && service.longitude !== null ? { lat: service.latitude, lon: service.longitude } : null,
    openingHours: service.openingHours,
    phone: service.phone,
    email: service.email,
    website: service.website,
    appointmentUrl: service.appointmentUrl,
    languages: service.languages,
    descriptions: service.descriptions,
    demo: service.demo,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

/** The text in `lang`, else German, else English, else any; with the language it is in. */
export function pickLanguage(texts: Record<string, string>, lang: string | undefined): { text: string; language: string } | null {
  for (const language of [lang, 'de', 'en']) {
    if (language && texts[language]) return { text: texts[language]!, language };
  }
  const [language, text] = Object.entries(texts).find(([, value]) => value) ?? [];
  return language && text ? { text, language } : null;
}

export function toPublicServiceDto(service: ServiceEntity, categoryLabels: Record<string, string>, lang: string | undefined): PublicServiceDto {
  const description = pickLanguage(service.descriptions, lang);
  return {
    id: service.id,
    category: { slug: service.category, label: pickLanguage(categoryLabels, lang)?.text ?? service.category },
    city: service.city,
    name: service.name,
    address: service.address,
    location: service.latitude !== null && service.longitude !== null ? { lat: service.latitude, lon: service.longitude } : null,
    openingHours: service.openingHours,
    phone: service.phone,
    email: service.email,
    website: service.website,
    appointmentUrl: service.appointmentUrl,
    languages: service.languages,
    description: description?.text ?? null,
    descriptionLanguage: description?.language ?? null,
    demo: service.demo,
  };
}
