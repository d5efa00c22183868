import { ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGE_CODES } from '@welcome-ruhr/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class PrivacyNoticeQuery {
  @ApiPropertyOptional({ example: 'uk', description: 'ISO 639-1; without a translation the English text comes' })
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'lang must be an ISO 639-1 code such as de, en or uk' })
  lang?: string;
}
