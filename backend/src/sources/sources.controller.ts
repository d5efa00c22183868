import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { OpmlImportJob, OpmlImportReport, SourceDto, SourceStatsDto } from '@welcome-ruhr/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateSourceDto } from './dto/create-source.dto';
import { ImportOpmlDto, ImportOpmlQuery } from './dto/import-opml.dto';
import { ListSourcesQuery } from './dto/list-sources.query';
import { OpmlImportJobDto, OpmlImportReportDto, SourceResponseDto, SourceStatsResponseDto } from './dto/source-response.dto';
import { SourceStatsQuery } from './dto/source-stats.query';
import { UpdateSourceDto } from './dto/update-source.dto';
import { OpmlBodyPipe, opmlImportOf } from './opml/opml-body';
import { OpmlImportService } from './opml/opml-import.service';
import { SourcesService } from './sources.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly imports: OpmlImportService,
  ) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'List sources with their state and item counts (moderators: their cities and the regional ones)' })
  @ApiResponse({ status: 200, type: [SourceResponseDto] })
  list(@CurrentUser() viewer: AuthUser, @Query() query: ListSourcesQuery): Promise<SourceDto[]> {
    return this.sources.list(viewer, query);
  }

  @Post()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Add a source: a feed (rss), a Mastodon account or a Facebook page' })
  @ApiResponse({ status: 201, type: SourceResponseDto })
  @ApiResponse({ status: 409, description: 'A source with this address exists already' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateSourceDto): Promise<SourceDto> {
    return this.sources.create(actor, body);
  }

  @Get('export.opml')
  @Roles('admin', 'moderator')
  @Header('Content-Type', 'text/x-opml; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="welcome-ruhr-sources.opml"')
  @ApiOperation({ summary: 'The visible feed sources as OPML 2.0 (settings in each outline’s category)' })
  @ApiProduces('text/x-opml')
  export(@CurrentUser() viewer: AuthUser): Promise<string> {
    return this.imports.export(viewer);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin', 'moderator')
  @ApiOperation({
    summary: 'Import sources from OPML: JSON {opml, …settings}, or the file as text/xml with the settings in the query',
    description: 'With ?async=1 the answer is 202 {jobId}; poll GET /api/sources/import/{jobId} for the progress.',
  })
  @ApiConsumes('application/json', 'text/xml', 'text/x-opml')
  @ApiBody({ type: ImportOpmlDto })
  @ApiResponse({ status: 200, type: OpmlImportReportDto })
  @ApiResponse({ status: 202, type: OpmlImportJobDto })
  async import(
    @CurrentUser() actor: AuthUser,
    @Body(OpmlBodyPipe) body: string | ImportOpmlDto,
    @Query() query: ImportOpmlQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpmlImportReport | OpmlImportJob> {
    const { opml, settings } = opmlImportOf(body, query);
    if (!query.async) return this.imports.importNow(actor, opml, settings);
    reply.status(202);
    return this.imports.start(actor, opml, settings);
  }

  @Get('import/:jobId')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Progress and report of an OPML import started with ?async=1' })
  @ApiResponse({ status: 200, type: OpmlImportReportDto })
  importProgress(@CurrentUser() viewer: AuthUser, @Param('jobId', ID) jobId: string): Promise<OpmlImportReport> {
    return this.imports.progress(viewer, jobId);
  }

  @Get(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'One source with its state' })
  @ApiResponse({ status: 200, type: SourceResponseDto })
  get(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string): Promise<SourceDto> {
    return this.sources.get(viewer, id);
  }

  @Patch(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Edit a source; any edit resumes a paused source' })
  @ApiResponse({ status: 200, type: SourceResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Body() body: UpdateSourceDto): Promise<SourceDto> {
    return this.sources.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Remove a source and its items' })
  async remove(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<void> {
    await this.sources.remove(actor, id);
  }

  @Post(':id/fetch')
  @HttpCode(200)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Fetch the source now and return its new state (409 while another fetch of it runs)' })
  @ApiResponse({ status: 200, type: SourceResponseDto })
  fetchNow(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<SourceDto> {
    return this.sources.fetchNow(actor, id);
  }

  @Get(':id/stats')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Items per publication day, for the chart' })
  @ApiResponse({ status: 200, type: SourceStatsResponseDto })
  stats(@CurrentUser() viewer: AuthUser, @Param('id', ID) id: string, @Query() query: SourceStatsQuery): Promise<SourceStatsDto> {
    return this.sources.stats(viewer, id, query.days);
  }
}
