import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServiceDto, ServiceImportJob, ServiceImportReport } from '@welcome-ruhr/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateServiceDto } from './dto/create-service.dto';
import { ImportServicesQuery, SearchServicesQuery } from './dto/service-queries.dto';
import { ServiceImportJobDto, ServiceImportReportDto, ServiceListResponseDto, ServiceResponseDto } from './dto/service-response.dto';
import { UpdateServiceDto } from './dto/update-service.dto';
import { CsvBodyPipe } from './import/csv-body';
import { ServiceImportService } from './import/service-import.service';
import { ServicesService } from './services.service';

const ID = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('services')
@Controller('services')
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly imports: ServiceImportService,
  ) {}

  @Get()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Services with every language of their descriptions, for editing (same filters as the public search)' })
  @ApiResponse({ status: 200, type: ServiceListResponseDto })
  list(@Query() query: SearchServicesQuery): Promise<{ items: ServiceDto[]; nextCursor: string | null }> {
    return this.services.searchFull(query);
  }

  @Post()
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Add a service (moderators: in their cities)' })
  @ApiResponse({ status: 201, type: ServiceResponseDto })
  @ApiResponse({ status: 409, description: 'The city has a service of this category with this name' })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateServiceDto): Promise<ServiceDto> {
    return this.services.create(actor, body);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin', 'moderator')
  @ApiOperation({
    summary: 'Import services from a CSV file (UTF-8 with or without BOM, UTF-16 or Windows-1252; "," ";" or tab)',
    description:
      'The body is the file, Content-Type text/csv. Columns: category, city, name, address, latitude, longitude, opening_hours ' +
      '("Mo-Fr 08:00-12:00; 2026-12-24 closed"), phone, email, website, appointment_url, languages ("de,en"), description_<lang>. ' +
      'A service with the same city, category and name is updated. The report names each bad line, its column and the problem. ' +
      'With ?async=1 the answer is 202 {jobId}; poll GET /api/services/import/{jobId} for the progress.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 200, type: ServiceImportReportDto })
  @ApiResponse({ status: 202, type: ServiceImportJobDto })
  async import(
    @CurrentUser() actor: AuthUser,
    @Body(CsvBodyPipe) file: Buffer,
    @Query() query: ImportServicesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceImportReport | ServiceImportJob> {
    if (!query.async) return this.imports.importNow(actor, file);
    reply.status(202);
    return this.imports.start(actor, file);
  }

  @Get('import/:jobId')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Progress and report of a CSV import started with ?async=1' })
  @ApiResponse({ status: 200, type: ServiceImportReportDto })
  importProgress(@CurrentUser() viewer: AuthUser, @Param('jobId', ID) jobId: string): Promise<ServiceImportReport> {
    return this.imports.progress(viewer, jobId);
  }

  @Post('demo')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Load the example data set (entries named "Beispiel: … (Demo)", marked demo: true; not real offices)' })
  @ApiResponse({ status: 200, type: ServiceImportReportDto })
  loadDemo(@CurrentUser() actor: AuthUser): Promise<ServiceImportReport> {
    return this.imports.loadDemo(actor);
  }

  @Delete('demo')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove every entry of the example data set' })
  async removeDemo(@CurrentUser() actor: AuthUser): Promise<{ deleted: number }> {
    return { deleted: await this.imports.removeDemo(actor) };
  }

  @Get(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'One service with every language of its description' })
  @ApiResponse({ status: 200, type: ServiceResponseDto })
  get(@Param('id', ID) id: string): Promise<ServiceDto> {
    return this.services.get(id);
  }

  @Patch(':id')
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Edit a service (moderators: of their cities); null clears an optional field' })
  @ApiResponse({ status: 200, type: ServiceResponseDto })
  update(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Body() body: UpdateServiceDto): Promise<ServiceDto> {
    return this.services.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'moderator')
  @ApiOperation({ summary: 'Remove a service (moderators: of their cities)' })
  async remove(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<void> {
    await this.services.remove(actor, id);
  }
}
