/**
 * A name inside a translated sentence, isolated from it (U+2068 … U+2069), so a Latin name such as
 * "@ayse@social.example" keeps its own direction in an Arabic sentence and does not reorder the words
 * around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
