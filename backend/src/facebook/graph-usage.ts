/**
 * How much of its Graph API budget the app (X-App-Usage), the page (X-Page-Usage) and the business use
 * case (X-Business-Use-Case-Usage) have used, as Facebook reports it with every answer: percentages,
 * and for use cases the minutes until access returns after a block.
 */
export interface GraphUsage {
  /** The highest percentage of any counter in any header; 0 when no header came. */
  maxPercent: number;
  /** `estimated_time_to_regain_access` in minutes, the largest given; 0 when none. */
  regainAccessMinutes: number;
}

export const NO_USAGE: GraphUsage = { maxPercent: 0, regainAccessMinutes: 0 };

/** Above this, readers slow down (Facebook blocks at 100 %). */
export const SLOW_DOWN_PERCENT = 75;

type HeaderBag = Record<string, unknown> | { get?: (name: string) => unknown } | null | undefined;

function header(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  const getter = (headers as { get?: (name: string) => unknown }).get;
  const value = typeof getter === 'function' ? getter.call(headers, name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() ? value : null;
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const PERCENT_FIELDS = ['call_count', 'total_time', 'total_cputime', 'acc_id_util_pct'];

function percentsOf(counters: unknown): number[] {
  if (!counters || typeof counters !== 'object') return [];
  return PERCENT_FIELDS.map((field) => Number((counters as Record<string, unknown>)[field])).filter((n) => Number.isFinite(n));
}

/** Reads the usage headers of one Graph answer; malformed headers count as no information. */
export function parseGraphUsage(headers: HeaderBag): GraphUsage {
  const percents: number[] = [];
  let regain = 0;
  percents.push(...percentsOf(parse(header(headers, 'x-app-usage'))));
  percents.push(...percentsOf(parse(header(headers, 'x-page-usage'))));
  const business = parse(header(headers, 'x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const entries of Object.values(business as Record<string, unknown>)) {
      for (const entry of Array.isArray(entries) ? entries : []) {
        percents.push(...percentsOf(entry));
        const minutes = Number((entry as Record<string, unknown>)?.['estimated_time_to_regain_access']);
        if (Number.isFinite(minutes) && minutes > regain) regain = minutes;
      }
    }
  }
  return { maxPercent: percents.length ? Math.max(...percents) : 0, regainAccessMinutes: regain };
}

export function worseUsage(a: GraphUsage, b: GraphUsage): GraphUsage {
  return { maxPercent: Math.max(a.maxPercent, b.maxPercent), regainAccessMinutes: Math.max(a.regainAccessMinutes, b.regainAccessMinutes) };
}

/**
 * The pause before the next call at this usage: none up to 75 %, then growing to `maxMs` at 100 %,
 * so a busy app spreads its calls instead of running into the block.
 */
export function slowDownDelayMs(usage: GraphUsage, maxMs: number): number {
  if (usage.maxPercent <= SLOW_DOWN_PERCENT) return 0;
  const share = Math.min(1, (usage.maxPercent - SLOW_DOWN_PERCENT) / (100 - SLOW_DOWN_PERCENT));
  return Math.round(share * maxMs);
}
