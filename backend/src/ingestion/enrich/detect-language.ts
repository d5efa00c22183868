import { detectAll } from 'tinyld';

export interface DetectedLanguage {
  /** ISO 639-1 code, or null when the text gives no confident answer. */
  language: string | null;
  /** tinyld's accuracy for the returned language, 0–1 (0 when language is null). */
  confidence: number;
}

/**
 * tinyld reports accuracy 1 when the text holds grams unique to one language and small values (≈0.01–0.4)
 * when it only leans one way. Below 0.1 its top guess is often wrong on short texts
 * ("Termin am Montag" → ro 0.07), so we say "unknown" instead of guessing.
 */
export const LANGUAGE_CONFIDENCE_THRESHOLD = 0.1;
/** Above this the detector has decided; a source's declared languages do not overrule it. */
const DECIDED = 0.5;
/** How many of the detector's best candidates a declared language may be picked from. */
const HINT_CANDIDATES = 3;
/**
 * Long texts do not get more certain after a few hundred characters. tinyld reads only the 7 longest
 * pieces between punctuation, so a shorter cut would save little and changes results (docs/ingestion.md).
 */
const MAX_CHARS = 1000;

const NOISE = [
  /\bhttps?:\/\/\S+/gi, // links
  /\bwww\.\S+/gi,
  /\S+@\S+\.\S+/g, // e-mail addresses
  /[@#](?=\p{L})/gu, // keep the word of a hashtag or mention, drop the sign
  /[\p{N}\p{S}]+/gu, // numbers, emoji, symbols (tinyld removes punctuation itself and keeps apostrophes)
];

function cleanForDetection(text: string): string {
  let cleaned = text.slice(0, MAX_CHARS);
  for (const pattern of NOISE) cleaned = cleaned.replace(pattern, ' ');
  return cleaned.replace(/\s+/g, ' ').trim();
}

/**
 * The language of an item's text. With `hint` (the languages its source declares), a declared language
 * wins when the detector is undecided and lists it among its best candidates: a German page's
 * "Willkommen in Bochum" stays German even though tinyld alone cannot tell.
 */
export function detectLanguage(text: string, hint: readonly string[] = []): DetectedLanguage {
  const cleaned = cleanForDetection(text ?? '');
  if (!cleaned) return { language: null, confidence: 0 };
  const candidates = detectAll(cleaned);
  const best = candidates[0];
  if (!best) return { language: null, confidence: 0 };

  if (hint.length > 0 && best.accuracy < DECIDED) {
    const declared = candidates.slice(0, HINT_CANDIDATES).find((candidate) => hint.includes(candidate.lang));
    if (declared) return { language: declared.lang, confidence: declared.accuracy };
  }
  if (best.accuracy < LANGUAGE_CONFIDENCE_THRESHOLD) return { language: null, confidence: 0 };
  return { language: best.lang, confidence: best.accuracy };
}
