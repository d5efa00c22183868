/*
 * The two mistakes hand-made and CMS-templated feeds make most: a bare `&` ("Kunst & Kultur") and
 * a bare `<` ("Tempo < 30"). Escaping them lets the strict parser read the feed after all, and
 * keeps the tolerant one from mistaking "< 30 …" for a tag and dropping the text after it.
 * Only runs when the strict parser has already failed.
 */

// CDATA sections and comments hold `&` and `<` legitimately and pass through unchanged.
const VERBATIM = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;
const BARE_AMPERSAND = /&(?!#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)/g;
// A `<` that cannot open a tag, declaration, processing instruction or end tag.
const BARE_LESS_THAN = /<(?![A-Za-z_:!?/])/g;

export function repairXml(body: string): string {
  return body
    .split(VERBATIM)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(BARE_AMPERSAND, '&amp;').replace(BARE_LESS_THAN, '&lt;'),
    )
    .join('');
}
