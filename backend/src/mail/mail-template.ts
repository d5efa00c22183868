/** One way to build every mail: the same blocks become the plain text and a simple HTML part. */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export type MailBlock =
  /** A paragraph of plain text; line breaks are kept. */
  | { paragraph: string }
  /** Someone's words, e.g. the newcomer's question; shown as a quote. */
  | { quote: string }
  /** A link the reader follows; `href` comes from our configuration, never from user input. */
  | { link: { href: string; label: string } }
  /** Small print at the end. */
  | { footnote: string };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku']);

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function htmlLines(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>\n');
}

/** Everything user-written is escaped; the HTML part has no scripts, no remote images and no styles but inline ones. */
export function composeMail(language: string, subject: string, blocks: MailBlock[]): MailContent {
  const text = blocks
    .map((block) => {
      if ('paragraph' in block) return block.paragraph;
      if ('quote' in block) return block.quote.split(/\r?\n/).map((line) => `> ${line}`).join('\n');
      if ('link' in block) return `${block.link.label}:\n${block.link.href}`;
      return `-- \n${block.footnote}`;
    })
    .join('\n\n');
  const body = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p>${htmlLines(block.paragraph)}</p>`;
      if ('quote' in block) {
        return `<blockquote style="margin:1em 0;padding:0.5em 1em;border-inline-start:4px solid #c8c8c8;color:#333">${htmlLines(block.quote)}</blockquote>`;
      }
      if ('link' in block) {
        return `<p><a href="${escapeHtml(block.link.href)}" style="color:#0b5cad">${escapeHtml(block.link.label)}</a></p>`;
      }
      return `<p style="font-size:0.85em;color:#555">${htmlLines(block.footnote)}</p>`;
    })
    .join('\n');
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const html = `<!doctype html>
<html lang="${escapeHtml(language)}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em">
${body}
</body>
</html>
`;
  return { subject, text: text + '\n', html };
}
