export enum FeedParseErrorCode {
  Empty = 'empty',
  HtmlPage = 'html_page',
  MalformedXml = 'malformed_xml',
  MalformedJson = 'malformed_json',
  NotAFeed = 'not_a_feed',
}

/**
 * Why a fetched document could not be read as a feed. `message` is shown to moderators on the
 * source's status, so it says what is wrong and what to do, without parser jargon.
 */
export class FeedParseError extends Error {
  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
    /** Where in the document the problem is (1-based), when known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }

  static empty(): FeedParseError {
    return new FeedParseError(FeedParseErrorCode.Empty, 'Empty response: the address returned no content.');
  }

  static htmlPage(): FeedParseError {
    return new FeedParseError(
      FeedParseErrorCode.HtmlPage,
      "This is an HTML page, not a feed — look for the site's RSS link.",
    );
  }

  static malformedXml(reason: string, line?: number): FeedParseError {
    const where = line ? ` at line ${line}` : '';
    // Parsers phrase reasons as sentences ("Unexpected close tag"); here they follow a colon.
    const phrase = reason.charAt(0).toLowerCase() + reason.slice(1);
    return new FeedParseError(
      FeedParseErrorCode.MalformedXml,
      `The feed's XML is broken${where}: ${phrase}. Ask the publisher to check it with https://validator.w3.org/feed/.`,
      line,
    );
  }

  static malformedJson(reason: string): FeedParseError {
    return new FeedParseError(FeedParseErrorCode.MalformedJson, `The feed's JSON is broken: ${reason}.`);
  }

  static notAFeed(what: string): FeedParseError {
    return new FeedParseError(
      FeedParseErrorCode.NotAFeed,
      `${what} We read RSS, Atom, RDF and JSON Feed; check that the address points to one.`,
    );
  }
}
