import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChooseFacebookPageRequest, FacebookLoginPagesDto, FacebookLoginStartDto } from '@welcome-ruhr/contracts';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class FacebookCallbackQuery {
  @ApiProperty({ description: 'The code Facebook appended to the redirect address' })
  @IsString({ message: 'code must be the code from Facebook' })
  @Length(1, 2000, { message: 'code must be the code from Facebook' })
  code!: string;

  @ApiProperty({ description: 'The state from GET /api/channels/facebook/login, as Facebook returned it' })
  @IsString({ message: 'state must be the state Facebook returned' })
  @Length(1, 1000, { message: 'state must be the state Facebook returned' })
  state!: string;
}

export class ChooseFacebookPageDto implements ChooseFacebookPageRequest {
  @ApiProperty({ example: '104958162837' })
  @Matches(/^\d{1,30}$/, { message: 'pageId must be the numeric id of a page the login listed' })
  pageId!: string;

  @ApiPropertyOptional({ description: 'The login that listed the page; the latest one when left out' })
  @IsOptional()
  @IsUUID('all', { message: 'loginId must be the id the callback returned' })
  loginId?: string;
}

export class FacebookLoginStartResponseDto implements FacebookLoginStartDto {
  @ApiProperty() url!: string;
  @ApiProperty() redirectUri!: string;
}

class ListedPageDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ description: 'The login may create content on this page' }) canPublish!: boolean;
}

export class FacebookLoginPagesResponseDto implements FacebookLoginPagesDto {
  @ApiProperty() loginId!: string;
  @ApiProperty({ type: [ListedPageDto] }) pages!: ListedPageDto[];
  @ApiProperty() expiresAt!: string;
}
