import { DetectError, MalformedError } from 'feedsmith';
import { FeedDraft } from './feed-draft';
import { FeedParseError } from './feed-parse.error';
import { ParsedFeed, ParseFeedOptions } from './feed.types';
import { locateXmlError, readWithFeedparser } from './feedparser.adapter';
import { readWithFeedsmith } from './feedsmith.adapter';
import { normalizeFeed } from './normalize-item';
import { sniffDocument } from './sniff';
import { repairXml } from './xml-repair';

/*
 * Why two parsers (measured on ~2,100 public test feeds, see STACK-NOTES "Feed parsers"):
 * - feedsmith is the primary: fastest (≈30 ms for 1,000 items / 810 KB), typed, and among the two
 *   best at titles; but it throws on XML that is not well-formed (153 of the corpus files).
 * - feedparser (danmactough) is the fallback: the most tolerant (threw on 12), and it resolves
 *   relative links against xml:base and the feed URL itself; ≈4× slower, so only when needed.
 * In between, a cheap repair of bare `&` and `<` (xml-repair.ts) gives feedsmith a second try.
 * Format detection looks at the content, never the URL: partners paste page addresses, and
 * servers label feeds text/html.
 */

/**
 * Reads an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 document (already decoded to a
 * string by the fetcher) into normalised items. Throws FeedParseError, with a message for the
 * moderator, when the document is empty, an HTML page, or no feed that either parser can read.
 */
export async function parseFeed(body: string, options: ParseFeedOptions): Promise<ParsedFeed> {
  const document = sniffDocument(body);
  switch (document.kind) {
    case 'empty':
      throw FeedParseError.empty();
    case 'html':
      throw FeedParseError.htmlPage();
    case 'text':
      throw FeedParseError.notAFeed('This is plain text, not a feed.');
    case 'json':
      return normalizeFeed(readJsonFeed(body, options.url), options);
    case 'xml':
      return normalizeFeed(await readXmlFeed(body, document.root, document.rootTag, options.url), options);
  }
}

function readJsonFeed(body: string, url: string): FeedDraft {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw FeedParseError.malformedJson((error as Error).message);
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject || !Array.isArray((value as { items?: unknown }).items)) {
    throw FeedParseError.notAFeed('This is JSON, but not a JSON Feed (https://jsonfeed.org): it has no "items" list.');
  }
  try {
    return readWithFeedsmith(value as object, url);
  } catch {
    throw FeedParseError.notAFeed('This is JSON, but not a JSON Feed (https://jsonfeed.org).');
  }
}

async function readXmlFeed(body: string, root: string, rootTag: string, url: string): Promise<FeedDraft> {
  let primaryError: unknown;
  try {
    return readCompleteWithFeedsmith(body, rootTag, url);
  } catch (error) {
    primaryError = error;
  }
  const reason = errorReason(primaryError);

  const repaired = repairXml(body);
  if (repaired !== body) {
    try {
      const draft = readCompleteWithFeedsmith(repaired, rootTag, url);
      draft.warnings.push(`The feed's XML is not well-formed (${reason}); we escaped stray "&" and "<" to read it.`);
      return draft;
    } catch {
      // Broken beyond stray characters: the tolerant parser's turn.
    }
  }

  const fallback = await readWithFeedparser(repaired, url).catch(() => undefined);
  if (fallback) {
    const wellFormed = !(primaryError instanceof MalformedError) && fallback.errors.length === 0;
    const unrecognised = primaryError instanceof DetectError;
    // An empty result only counts when the document was clean XML that feedsmith did not recognise.
    if (fallback.draft.entries.length > 0 || (wellFormed && unrecognised)) {
      if (!wellFormed) {
        fallback.draft.warnings.push(
          `The feed's XML is not well-formed (${reason}); its items were read by a tolerant parser and may be incomplete.`,
        );
      } else if (!unrecognised) {
        fallback.draft.warnings.push(
          `The feed does not follow the structure of its format (${reason}); its items were read by a tolerant parser.`,
        );
      }
      return fallback.draft;
    }
  }

  if (root === 'opml') {
    throw FeedParseError.notAFeed('This is an OPML list of feeds, not a feed itself: add the feeds it lists one by one.');
  }
  const location = await locateXmlError(body);
  if (!location && primaryError instanceof DetectError) {
    throw FeedParseError.notAFeed(`This XML document (<${rootTag}>) is not a feed.`);
  }
  throw FeedParseError.malformedXml(location?.reason ?? reason, location?.line);
}

/**
 * feedsmith, but a document cut off before its closing root tag counts as broken: feedsmith
 * returns whatever it got so far without a word, and a truncated download must not look like a
 * feed that has lost its items.
 */
function readCompleteWithFeedsmith(body: string, rootTag: string, url: string): FeedDraft {
  const draft = readWithFeedsmith(body, url);
  if (body.lastIndexOf(`</${rootTag}`) === -1) {
    throw new MalformedError(`The document ends before its closing </${rootTag}> tag`);
  }
  return draft;
}

function errorReason(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return message.charAt(0).toLowerCase() + message.slice(1);
}
