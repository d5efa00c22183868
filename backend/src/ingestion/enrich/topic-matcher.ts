import { ARABIC_CLITIC_PREFIXES, keywordRegex, keywordWords, type KeywordWord } from './topic-keywords';
import type { TopicTaxonomy } from './topic-taxonomy';

/*
 * Why tokens instead of one regex per topic: a keyword match may not touch a letter or digit on either
 * side, so a keyword word made of letters and digits only always covers a whole run of letters and
 * digits (a token) — clitics, compound heads and stem endings included — and a phrase covers consecutive
 * tokens with nothing but white space between them. The text is split into tokens once and every token is
 * looked up in maps of the keywords' first words; only the few keywords with other characters in a word
 * ("bachelor's", "кар'єр*") keep their regex, run only when the text contains their literal part.
 */

const TOKEN = /[\p{L}\p{N}]+/gu;
const WORD_CHARACTERS = /^[\p{L}\p{N}]+$/u;
const LETTERS = /^\p{L}+$/u;
const SPACE = /^\s+$/u;

interface Keyword {
  topic: number;
  words: KeywordWord[];
}

interface RegexKeyword {
  topic: number;
  regex: RegExp;
  /** The longest word of the keyword: text without it cannot match. */
  literal: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

function lettersOnly(text: string, from: number, to: number): boolean {
  return from === to || LETTERS.test(text.slice(from, to));
}

/** Whether `word` (without clitics) matches `token` from `offset` to its end. */
function matchesFrom(word: KeywordWord, token: string, offset: number): boolean {
  const { core } = word;
  if (word.compoundTail) {
    for (let at = token.indexOf(core, offset + 1); at !== -1; at = token.indexOf(core, at + 1)) {
      const after = at + core.length;
      if ((word.stem || after === token.length) && lettersOnly(token, offset, at) && lettersOnly(token, after, token.length)) return true;
    }
    return false;
  }
  if (!token.startsWith(core, offset)) return false;
  const after = offset + core.length;
  return word.stem ? lettersOnly(token, after, token.length) : after === token.length;
}

function wordMatches(word: KeywordWord, token: string): boolean {
  if (!word.clitics) return matchesFrom(word, token, 0);
  return ARABIC_CLITIC_PREFIXES.some((clitic) => token.startsWith(clitic) && matchesFrom(word, token, clitic.length));
}

/** Keyword ids by the UTF-16 units of their first word, read forwards (whole words, stems) or backwards (compound tails). */
class KeyTrie {
  private readonly next = new Map<number, KeyTrie>();
  /** Keywords whose first word ends here. */
  ids: number[] = [];

  add(key: string, id: number, backwards = false, depth = 0): void {
    if (depth === key.length) {
      if (!this.ids.includes(id)) this.ids.push(id);
      return;
    }
    const unit = key.charCodeAt(backwards ? key.length - 1 - depth : depth);
    let child = this.next.get(unit);
    if (!child) {
      child = new KeyTrie();
      this.next.set(unit, child);
    }
    child.add(key, id, backwards, depth + 1);
  }

  child(unit: number): KeyTrie | undefined {
    return this.next.get(unit);
  }
}

/** The keywords of a taxonomy compiled for tagging many texts: which topics does a text mention? */
export class TopicMatcher {
  private readonly keywords: Keyword[] = [];
  /** First words that are the whole token: `Wohnung`, with Arabic clitics spelled out. */
  private readonly whole = new KeyTrie();
  /** First words that start the token: `Wohnung*`, with Arabic clitics spelled out. */
  private readonly stems = new KeyTrie();
  /** First words that end the token, read backwards: `*wohnung`. */
  private readonly tails = new KeyTrie();
  /** First words inside the token: `*wohnung*`. */
  private readonly inner: number[] = [];
  private readonly regexKeywords: RegexKeyword[] = [];

  constructor(readonly taxonomy: TopicTaxonomy) {
    taxonomy.forEach((topic, index) => {
      for (const keyword of Object.values(topic.keywords ?? {}).flat()) {
        if (typeof keyword !== 'string') continue;
        const words = keywordWords(keyword);
        if (words) this.add(index, words);
      }
    });
  }

  /** For each topic of the taxonomy, whether `normalized` (see normalizeForKeywords) mentions it. */
  topicsIn(normalized: string): boolean[] {
    const found = this.taxonomy.map(() => false);
    const tokens: Token[] = [];
    for (const match of normalized.matchAll(TOKEN)) {
      tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    }
    const consider = (ids: readonly number[], at: number): void => {
      for (const id of ids) {
        const keyword = this.keywords[id];
        if (!found[keyword.topic] && this.continues(keyword, tokens, at, normalized)) found[keyword.topic] = true;
      }
    };
    tokens.forEach((token, at) => {
      const text = token.text;
      const length = text.length;
      let whole: KeyTrie | undefined = this.whole;
      let stem: KeyTrie | undefined = this.stems;
      for (let i = 0; i < length && (whole || stem); i++) {
        const unit = text.charCodeAt(i);
        whole = whole?.child(unit);
        stem = stem?.child(unit);
        if (stem && stem.ids.length > 0 && lettersOnly(text, i + 1, length)) consider(stem.ids, at);
      }
      if (whole) consider(whole.ids, at);
      let tail: KeyTrie | undefined = this.tails;
      for (let i = length - 1; i > 0 && tail; i--) {
        tail = tail.child(text.charCodeAt(i));
        if (tail && tail.ids.length > 0 && lettersOnly(text, 0, i)) consider(tail.ids, at);
      }
      if (this.inner.length > 0) consider(this.inner.filter((id) => matchesFrom(this.keywords[id].words[0], text, 0)), at);
    });
    for (const keyword of this.regexKeywords) {
      if (!found[keyword.topic] && normalized.includes(keyword.literal) && keyword.regex.test(normalized)) found[keyword.topic] = true;
    }
    return found;
  }

  private add(topic: number, words: KeywordWord[]): void {
    if (!words.every((word) => WORD_CHARACTERS.test(word.core))) {
      const literal = words.map((word) => word.core).reduce((a, b) => (b.length > a.length ? b : a));
      this.regexKeywords.push({ topic, regex: keywordRegex(words), literal });
      return;
    }
    const id = this.keywords.push({ topic, words }) - 1;
    const [first] = words;
    if (first.compoundTail) {
      // Clitics are letters, so the compound's head takes them in: "*x" covers "ال…x" already.
      if (first.stem) this.inner.push(id);
      else this.tails.add(first.core, id, true);
      return;
    }
    const index = first.stem ? this.stems : this.whole;
    for (const clitic of first.clitics ? ARABIC_CLITIC_PREFIXES : ['']) index.add(clitic + first.core, id);
  }

  /** The first word matched the token at `at`; do the phrase's other words follow, separated by white space only? */
  private continues(keyword: Keyword, tokens: Token[], at: number, text: string): boolean {
    for (let n = 1; n < keyword.words.length; n++) {
      const previous = tokens[at + n - 1];
      const token = tokens[at + n];
      if (!token || !SPACE.test(text.slice(previous.end, token.start)) || !wordMatches(keyword.words[n], token.text)) return false;
    }
    return true;
  }
}
