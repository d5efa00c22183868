import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { BlockedPhraseDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { BlockedPhrasesService } from './blocked-phrases.service';
import { BlockedPhraseResponseDto, CreateBlockedPhraseDto } from './dto/create-blocked-phrase.dto';

@ApiTags('moderation')
@Controller('moderation/blocked-phrases')
@Roles('admin', 'moderator')
export class BlockedPhrasesController {
  constructor(private readonly phrases: BlockedPhrasesService) {}

  @Get()
  @ApiOperation({ summary: 'Words and phrases that hold an item for review, even from a trusted source' })
  @ApiResponse({ status: 200, type: [BlockedPhraseResponseDto] })
  list(): Promise<BlockedPhraseDto[]> {
    return this.phrases.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a word or phrase (whole words, any letter case)' })
  @ApiResponse({ status: 201, type: BlockedPhraseResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateBlockedPhraseDto): Promise<BlockedPhraseDto> {
    return this.phrases.create(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a word or phrase' })
  @ApiResponse({ status: 204 })
  remove(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<void> {
    return this.phrases.remove(user, id);
  }
}
