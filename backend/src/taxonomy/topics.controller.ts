import { Body, Controller, Delete, Get, Header, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicTopicDto, TopicDto } from '@welcome-ruhr/contracts';
import { Public, Roles, SignedIn } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { PublicTopicResponseDto, SaveTopicDto, TopicResponseDto } from './dto/save-topic.dto';
import { TaxonomyEditorService } from './taxonomy-editor.service';
import { TaxonomyService } from './taxonomy.service';

@ApiTags('topics')
@Controller('topics')
export class TopicsController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly editor: TaxonomyEditorService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The topic taxonomy with labels and keywords per language' })
  @ApiResponse({ status: 200, type: [TopicResponseDto] })
  list(): Promise<TopicDto[]> {
    return this.taxonomy.list();
  }

  @Put(':slug')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a topic or replace its labels and keywords' })
  @ApiResponse({ status: 200, type: TopicResponseDto })
  save(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Body() body: SaveTopicDto): Promise<TopicDto> {
    return this.editor.save(user, slug, body);
  }

  @Delete(':slug')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a topic; items lose its tag' })
  @ApiResponse({ status: 204 })
  remove(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<void> {
    return this.editor.remove(user, slug);
  }
}

@ApiTags('public')
@Controller('public/topics')
export class PublicTopicsController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600')
  @ApiOperation({ summary: 'Topic slugs and labels, for widgets' })
  @ApiResponse({ status: 200, type: [PublicTopicResponseDto] })
  async list(): Promise<PublicTopicDto[]> {
    return (await this.taxonomy.list()).map(({ slug, labels, position }) => ({ slug, labels, position }));
  }
}
