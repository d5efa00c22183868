import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGE_CODES,
  SOURCE_KINDS,
  WIDGET_LANGUAGES,
  WIDGET_LAYOUTS,
  WIDGET_LIMIT_MAX,
  WIDGET_THEMES,
  type SourceKind,
  type WidgetColors,
  type WidgetLanguage,
  type WidgetLayout,
  type WidgetPresetAttributes,
  type WidgetTheme,
} from '@welcome-ruhr/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const COLOR_MESSAGE = (field: string) => `${field} must be a colour like #0b5cad or #fff`;

export class WidgetColorsDto implements WidgetColors {
  @ApiPropertyOptional({ example: '#0b5cad' })
  @IsOptional()
  @Matches(COLOR, { message: COLOR_MESSAGE('colors.accent') })
  accent?: string;

  @ApiPropertyOptional({ example: '#ffffff' })
  @IsOptional()
  @Matches(COLOR, { message: COLOR_MESSAGE('colors.background') })
  background?: string;

  @ApiPropertyOptional({ example: '#1b1c20' })
  @IsOptional()
  @Matches(COLOR, { message: COLOR_MESSAGE('colors.text') })
  text?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 32, example: 8 })
  @IsOptional()
  @IsInt({ message: 'colors.radius must be a whole number of pixels' })
  @Min(0)
  @Max(32)
  radius?: number;

  @ApiPropertyOptional({ example: '"Fira Sans", sans-serif' })
  @IsOptional()
  @Matches(/^[\w\s"',.-]{1,120}$/, { message: 'colors.font must be a font-family list (letters, digits, spaces, quotes, commas, hyphens)' })
  font?: string;
}

export class WidgetPresetAttributesDto implements WidgetPresetAttributes {
  @ApiPropertyOptional({ type: [String], example: ['work', 'housing'] })
  @IsOptional()
  @IsArray({ message: 'attributes.topics must be a list of topic slugs' })
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { each: true, message: 'attributes.topics must contain topic slugs such as work' })
  topics?: string[];

  @ApiPropertyOptional({ type: [String], example: ['tr', 'ar'], description: 'Content languages (ISO 639-1)' })
  @IsOptional()
  @IsArray({ message: 'attributes.languages must be a list of ISO 639-1 codes' })
  @ArrayMaxSize(20)
  @IsIn(LANGUAGE_CODES, { each: true, message: 'attributes.languages must contain ISO 639-1 codes such as tr' })
  languages?: string[];

  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptional()
  @IsIn(SOURCE_KINDS, { message: `attributes.kind must be one of ${SOURCE_KINDS.join(', ')}` })
  kind?: SourceKind;

  @ApiPropertyOptional({ minimum: 1, maximum: WIDGET_LIMIT_MAX, example: 12 })
  @IsOptional()
  @IsInt({ message: 'attributes.limit must be a whole number' })
  @Min(1)
  @Max(WIDGET_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({ enum: WIDGET_LAYOUTS })
  @IsOptional()
  @IsIn(WIDGET_LAYOUTS, { message: `attributes.layout must be one of ${WIDGET_LAYOUTS.join(', ')}` })
  layout?: WidgetLayout;

  @ApiPropertyOptional({ enum: WIDGET_LANGUAGES, description: "The widget's own language; absent: the page's" })
  @IsOptional()
  @IsIn(WIDGET_LANGUAGES, { message: `attributes.lang must be one of ${WIDGET_LANGUAGES.join(', ')}` })
  lang?: WidgetLanguage;

  @ApiPropertyOptional({ enum: WIDGET_THEMES })
  @IsOptional()
  @IsIn(WIDGET_THEMES, { message: `attributes.theme must be one of ${WIDGET_THEMES.join(', ')}` })
  theme?: WidgetTheme;

  @ApiPropertyOptional({ type: WidgetColorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WidgetColorsDto)
  colors?: WidgetColorsDto;
}
