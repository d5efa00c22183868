import { render } from 'dom-serializer';
import { Element, isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * Cosmetic pre-pass before the allowlist sanitizer. Feed HTML is full of <div>/<section> wrappers that the
 * allowlist does not keep; dropping them would glue "<div>a</div><div>b</div>" into "ab". Here containers
 * become paragraphs (or are unwrapped when they hold blocks), and subtrees whose content is not item text
 * (scripts, styles, SVG, forms' widgets, templates, …) are removed whole.
 *
 * Security does not rest on this pass: its output goes through sanitize-html, which alone decides what may
 * appear. This pass may only make the structure nicer.
 */

/** Elements removed together with everything inside them. */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'title', 'head', 'svg', 'math', 'object', 'embed', 'applet',
  'textarea', 'select', 'option', 'button', 'xmp', 'plaintext', 'noembed', 'noframes', 'frameset', 'frame',
  'canvas', 'audio', 'video', 'map', 'dialog', 'datalist', 'meter', 'progress',
]);

const CONTAINERS: ReadonlySet<string> = new Set([
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center', 'address', 'details',
  'summary', 'dl', 'dt', 'dd', 'hgroup', 'form', 'fieldset',
]);

const BLOCKS: ReadonlySet<string> = new Set([
  'p', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'table', 'pre', 'hr',
  ...CONTAINERS,
]);

/** Where a paragraph may not be opened (HTML forbids <p> inside these; browsers would re-nest it). */
const PHRASING_ONLY: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'a', 'span']);

/** Attributes the sanitizer may use later; everything else is dropped here already to keep re-parsing plain. */
const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'start', 'data-src',
  'data-lazy-src', 'data-original',
]);

function isBlock(node: ChildNode): boolean {
  return isTag(node) && BLOCKS.has(node.name);
}

function hasVisibleContent(nodes: ChildNode[]): boolean {
  return nodes.some((node) => (isText(node) ? node.data.trim() !== '' : isTag(node)));
}

function paragraph(children: ChildNode[]): Element {
  const element = new Element('p', {}, children);
  for (const child of children) child.parent = element;
  return element;
}

/** Wraps loose inline runs between blocks into paragraphs; leaves an all-inline list untouched. */
function wrapInlineRuns(nodes: ChildNode[], mayOpenParagraph: boolean): ChildNode[] {
  if (!mayOpenParagraph || !nodes.some(isBlock)) return nodes;
  const result: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (hasVisibleContent(run)) result.push(paragraph(run));
    run = [];
  };
  for (const node of nodes) {
    if (isBlock(node)) {
      flush();
      result.push(node);
    } else {
      run.push(node);
    }
  }
  flush();
  return result;
}

function normalize(nodes: ChildNode[], insidePhrasing: boolean): ChildNode[] {
  const result: ChildNode[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      result.push(node);
      continue;
    }
    // Comments, doctypes, processing instructions and CDATA never carry item content.
    if (!isTag(node)) continue;
    const name = node.name.toLowerCase();
    if (DROP_WITH_CONTENT.has(name)) continue;
    for (const attribute of Object.keys(node.attribs)) {
      if (!KEPT_ATTRIBUTES.has(attribute)) delete node.attribs[attribute];
    }
    if (name === 'iframe') {
      // Fallback content of a frame is never shown by browsers that render the frame.
      node.children = [];
      result.push(node);
      continue;
    }
    const childInsidePhrasing = insidePhrasing || PHRASING_ONLY.has(name);
    const children = normalize(node.children, childInsidePhrasing);
    if (CONTAINERS.has(name)) {
      if (insidePhrasing || children.some(isBlock)) {
        result.push(...wrapInlineRuns(children, !insidePhrasing));
      } else if (hasVisibleContent(children)) {
        result.push(paragraph(children));
      }
      continue;
    }
    node.children = wrapInlineRuns(children, name === 'blockquote' || name === 'li' || name === 'td');
    for (const child of node.children) child.parent = node;
    result.push(node);
  }
  return result;
}

/** Re-serialises `html` with containers turned into paragraphs and non-content subtrees removed. */
export function normalizeBlockStructure(html: string): string {
  const document = parseDocument(html);
  const nodes = wrapInlineRuns(normalize(document.children, false), true);
  return render(nodes, { encodeEntities: 'utf8' });
}
