import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isLanguageCode, type FieldProblem, type PublicTopicDto, type SaveTopicRequest, type TopicDto } from '@welcome-ruhr/contracts';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

export const TOPIC_SLUG = /^[a-z][a-z0-9-]{1,39}$/;
export const MAX_KEYWORD_LENGTH = 80;
export const MAX_KEYWORDS_PER_LANGUAGE = 500;
const MAX_LABEL_LENGTH = 100;

export class SaveTopicDto implements SaveTopicRequest {
  @ApiProperty({ example: { de: 'Arbeit', en: 'Work' }, description: 'Label per ISO 639-1 language' })
  @IsObject({ message: 'labels must map languages to labels, e.g. {"de": "Arbeit"}' })
  labels!: Record<string, string>;

  @ApiProperty({
    example: { de: ['Arbeit', 'Job*'], en: ['job', 'career*'] },
    description: `Keywords per ISO 639-1 language (at most ${MAX_KEYWORDS_PER_LANGUAGE} each, each at most ${MAX_KEYWORD_LENGTH} characters); a trailing * matches a word stem`,
  })
  @IsObject({ message: 'keywords must map languages to lists of keywords, e.g. {"de": ["Arbeit"]}' })
  keywords!: Record<string, string[]>;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number from 0 to 10000' })
  @Min(0, { message: 'position must be a whole number from 0 to 10000' })
  @Max(10000, { message: 'position must be a whole number from 0 to 10000' })
  position?: number;
}

/**
 * What class-validator cannot say about maps keyed by language: each key an ISO 639-1 code, each label
 * non-empty text, each keyword list at most 500 non-empty keywords of at most 80 characters.
 */
export function topicProblems(body: SaveTopicDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const labels = Object.entries(body.labels);
  if (labels.length === 0) problems.push({ field: 'labels', problem: 'must give a label in at least one language' });
  for (const [language, label] of labels) {
    const field = `labels.${language}`;
    if (!isLanguageCode(language)) problems.push({ field, problem: 'is not an ISO 639-1 language code' });
    else if (typeof label !== 'string' || label.trim() === '') problems.push({ field, problem: 'must be non-empty text' });
    else if (label.length > MAX_LABEL_LENGTH) problems.push({ field, problem: `must be at most ${MAX_LABEL_LENGTH} characters long` });
  }
  for (const [language, keywords] of Object.entries(body.keywords)) {
    const field = `keywords.${language}`;
    if (!isLanguageCode(language)) problems.push({ field, problem: 'is not an ISO 639-1 language code' });
    else if (!Array.isArray(keywords)) problems.push({ field, problem: 'must be a list of keywords' });
    else if (keywords.length > MAX_KEYWORDS_PER_LANGUAGE) problems.push({ field, problem: `must hold at most ${MAX_KEYWORDS_PER_LANGUAGE} keywords` });
    else {
      keywords.forEach((keyword, index) => {
        const at = `${field}[${index}]`;
        if (typeof keyword !== 'string' || keyword.trim() === '') problems.push({ field: at, problem: 'must be a non-empty keyword' });
        else if (keyword.length > MAX_KEYWORD_LENGTH) problems.push({ field: at, problem: `must be at most ${MAX_KEYWORD_LENGTH} characters long` });
      });
    }
  }
  return problems;
}

export class TopicResponseDto implements TopicDto {
  @ApiProperty({ example: 'work' }) slug!: string;
  @ApiProperty({ example: { de: 'Arbeit', en: 'Work' } }) labels!: Record<string, string>;
  @ApiProperty({ example: { de: ['Arbeit'], en: ['job'] } }) keywords!: Record<string, string[]>;
  @ApiProperty() position!: number;
}

export class PublicTopicResponseDto implements PublicTopicDto {
  @ApiProperty({ example: 'work' }) slug!: string;
  @ApiProperty({ example: { de: 'Arbeit', en: 'Work' } }) labels!: Record<string, string>;
  @ApiProperty() position!: number;
}
