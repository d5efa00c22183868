import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PublicServiceDto, PublicServiceListDto, ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { Public } from '../auth/access.decorators';
import { LangQuery, PublicServicesQuery } from './dto/service-queries.dto';
import { PublicServiceListResponseDto, PublicServiceResponseDto, ServiceCategoryResponseDto } from './dto/service-response.dto';
import { ServiceCategoriesService } from './service-categories.service';
import { ServicesService } from './services.service';

const CACHE = 'public, max-age=60';

@ApiTags('public')
@Controller('public')
export class PublicServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly categories: ServiceCategoriesService,
  ) {}

  @Get('services')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({
    summary: 'Search the services directory by city, category, languages spoken and free text (German and English, with stemming)',
  })
  @ApiResponse({ status: 200, type: PublicServiceListResponseDto })
  search(@Query() query: PublicServicesQuery): Promise<PublicServiceListDto> {
    return this.services.searchPublic(query);
  }

  @Get('services/:id')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'One service in a language' })
  @ApiResponse({ status: 200, type: PublicServiceResponseDto })
  get(@Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @Query() query: LangQuery): Promise<PublicServiceDto> {
    return this.services.getPublic(id, query.lang);
  }

  @Get('service-categories')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'The categories of the directory with their labels per language, in order' })
  @ApiResponse({ status: 200, type: [ServiceCategoryResponseDto] })
  listCategories(): Promise<ServiceCategoryDto[]> {
    return this.categories.list();
  }
}
