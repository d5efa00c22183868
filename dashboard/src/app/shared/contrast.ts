/** WCAG 2.1 AA: normal text needs 4.5 : 1 against its background (1.4.3). */
export const AA_TEXT_RATIO = 4.5;
/** WCAG 2.1 AA: focus rings and other parts of controls need 3 : 1 (1.4.11). */
export const AA_NON_TEXT_RATIO = 3;

/** `#rgb` or `#rrggbb` as [r, g, b] (0–255); null for anything else. */
export function parseHexColor(value: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance as WCAG defines it (sRGB, 0 for black, 1 for white). */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours (1 to 21), or null when one is not a colour. */
export function contrastRatio(first: string, second: string): number | null {
  const a = parseHexColor(first);
  const b = parseHexColor(second);
  if (!a || !b) return null;
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Rounded down to one decimal, so a ratio shown as 4.5 really is at least 4.5. */
export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.floor(ratio * 10) / 10,
  );
}
