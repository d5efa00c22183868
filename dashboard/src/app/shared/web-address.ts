/**
 * An absolute http(s) address: what the portal fetches, links to and shows. The server checks again;
 * this only lets a form say so before sending.
 */
export function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
