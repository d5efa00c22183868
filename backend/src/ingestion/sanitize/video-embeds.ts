/**
 * Frames are allowed only for a few video players. Each rule names the hosts it accepts, checks the path
 * shape and builds the canonical player URL we serve: YouTube always through youtube-nocookie.com (no
 * tracking cookies until the reader presses play), Vimeo with `dnt=1`. Only query parameters that change
 * what is shown survive; autoplay and similar are dropped.
 */
interface EmbedRule {
  hosts: readonly string[];
  path: RegExp;
  build(match: RegExpMatchArray, query: URLSearchParams): string;
  keepParams: readonly string[];
}

const EMBED_RULES: readonly EmbedRule[] = [
  {
    hosts: ['www.youtube-nocookie.com', 'youtube-nocookie.com', 'www.youtube.com', 'youtube.com', 'm.youtube.com'],
    path: /^\/embed\/([A-Za-z0-9_-]{6,64})\/?$/,
    keepParams: ['start', 'end', 'list'],
    build: (match, query) => withQuery(`https://www.youtube-nocookie.com/embed/${match[1]}`, query),
  },
  {
    hosts: ['player.vimeo.com'],
    path: /^\/video\/(\d{1,20})\/?$/,
    keepParams: ['h'],
    build: (match, query) => {
      query.set('dnt', '1');
      return withQuery(`https://player.vimeo.com/video/${match[1]}`, query);
    },
  },
];

/** The hosts the sanitizer lets through as a second check after the rewrite. */
export const EMBED_HOSTS: readonly string[] = ['www.youtube-nocookie.com', 'player.vimeo.com'];

/** Fixed attributes every embedded player gets; the source cannot widen them. */
export const EMBED_FRAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  sandbox: 'allow-scripts allow-same-origin allow-presentation',
  loading: 'lazy',
  referrerpolicy: 'no-referrer',
  allowfullscreen: '',
};

function withQuery(base: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** The canonical player URL for an allowed video embed, or null for any other frame source. */
export function canonicalEmbedUrl(src: string | undefined): string | null {
  if (!src) return null;
  let url: URL;
  try {
    // Protocol-relative embeds ("//www.youtube.com/embed/…") are common in older feeds.
    url = new URL(src.trim(), 'https://invalid.invalid');
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  for (const rule of EMBED_RULES) {
    if (!rule.hosts.includes(url.hostname)) continue;
    const match = url.pathname.match(rule.path);
    if (!match) return null;
    const query = new URLSearchParams();
    for (const name of rule.keepParams) {
      const value = url.searchParams.get(name);
      if (value && /^[A-Za-z0-9_-]{1,64}$/.test(value)) query.set(name, value);
    }
    return rule.build(match, query);
  }
  return null;
}
