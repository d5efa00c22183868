import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BlockedPhraseEntity } from './blocked-phrase.entity';

interface CompiledPhrase {
  phrase: string;
  /** null: every language. */
  language: string | null;
  pattern: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rules that hold an item for review even from a trusted source: blocked words and phrases, matched
 * as whole words, ignoring case. A phrase given a language holds only texts in that language (a word
 * may be harmless in another one), and texts whose language is unknown, to be safe.
 */
@Injectable()
export class ModerationRulesService {
  private compiled: Promise<CompiledPhrase[]> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Why this text (in `language`, null when unknown) must wait for a moderator; empty when nothing holds it. */
  async heldReasons(text: string, language: string | null = null): Promise<string[]> {
    const phrases = await this.phrases();
    const normalized = text.normalize('NFC');
    return phrases
      .filter((p) => (p.language === null || language === null || p.language === language) && p.pattern.test(normalized))
      .map((p) => `blocked phrase: "${p.phrase}"`);
  }

  /** After the list changes. */
  invalidate(): void {
    this.compiled = null;
  }

  private phrases(): Promise<CompiledPhrase[]> {
    this.compiled ??= this.dataSource
      .getRepository(BlockedPhraseEntity)
      .find()
      .then((rows) =>
        rows.map((r) => ({
          phrase: r.phrase,
          language: r.language,
          pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(r.phrase.normalize('NFC')).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
        })),
      );
    return this.compiled;
  }
}
