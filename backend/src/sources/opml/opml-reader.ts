import { Parser } from 'htmlparser2';

/** One `<outline>` that is meant as a feed (a leaf), with the line it starts on. */
export interface OpmlOutline {
  line: number;
  title: string | null;
  xmlUrl: string | null;
  htmlUrl: string | null;
  type: string | null;
  category: string | null;
}

export interface OpmlDocument {
  isOpml: boolean;
  outlines: OpmlOutline[];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const value = (attributes: Record<string, string>, name: string): string | null => attributes[name]?.trim() || null;

/**
 * Reads the feed outlines of an OPML file, tolerantly (feed readers export odd files): folders
 * (outlines with children) are left out, every leaf outline is reported with its line, whether it has
 * an `xmlUrl` or not, so the import can say what it did with each.
 */
export function readOpml(text: string): OpmlDocument {
  const starts = lineStarts(text);
  const outlines: OpmlOutline[] = [];
  // Open outlines; a leaf is known when it closes without having had children.
  const open: { outline: OpmlOutline; hasChildren: boolean }[] = [];
  let isOpml = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'opml') isOpml = true;
        if (name !== 'outline') return;
        if (open.length > 0) open[open.length - 1].hasChildren = true;
        open.push({
          hasChildren: false,
          outline: {
            line: lineOf(starts, parser.startIndex),
            title: value(attributes, 'text') ?? value(attributes, 'title'),
            xmlUrl: value(attributes, 'xmlurl'),
            htmlUrl: value(attributes, 'htmlurl'),
            type: value(attributes, 'type')?.toLowerCase() ?? null,
            category: value(attributes, 'category'),
          },
        });
      },
      onclosetag(name) {
        if (name !== 'outline') return;
        const closed = open.pop();
        if (closed && (!closed.hasChildren || closed.outline.xmlUrl)) outlines.push(closed.outline);
      },
    },
    { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  outlines.sort((a, b) => a.line - b.line);
  return { isOpml, outlines };
}

/** Our settings in an outline's OPML 2.0 `category` attribute: "/city/essen,/topic/work,/language/de,/kind/city,/type/mastodon". */
export interface OutlineCategories {
  cities: string[];
  topics: string[];
  languages: string[];
  kind: string | null;
  type: string | null;
  autoApprove: boolean | null;
}

export function readCategories(category: string | null): OutlineCategories {
  const result: OutlineCategories = { cities: [], topics: [], languages: [], kind: null, type: null, autoApprove: null };
  for (const entry of (category ?? '').split(',')) {
    const [, group, name] = /^\/?([a-z-]+)\/([^/]+)$/.exec(entry.trim()) ?? [];
    if (!group || !name) continue;
    if (group === 'city') result.cities.push(name);
    else if (group === 'topic') result.topics.push(name);
    else if (group === 'language') result.languages.push(name);
    else if (group === 'kind') result.kind = name;
    else if (group === 'type') result.type = name;
    else if (group === 'auto-approve') result.autoApprove = name === 'true';
  }
  return result;
}

export function writeCategories(settings: Omit<OutlineCategories, 'autoApprove'> & { autoApprove: boolean }): string {
  return [
    ...(settings.type ? [`/type/${settings.type}`] : []),
    ...(settings.kind ? [`/kind/${settings.kind}`] : []),
    ...settings.cities.map((c) => `/city/${c}`),
    ...settings.topics.map((t) => `/topic/${t}`),
    ...settings.languages.map((l) => `/language/${l}`),
    ...(settings.autoApprove ? ['/auto-approve/true'] : []),
  ].join(',');
}
