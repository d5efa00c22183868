import { Body, Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SERVICE_CATEGORY_PATTERN, type ServiceCategoryDto } from '@welcome-ruhr/contracts';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ServiceCategoryResponseDto } from './dto/service-response.dto';
import { UpdateServiceCategoryDto } from './dto/update-service-category.dto';
import { ServiceCategoriesService } from './service-categories.service';

function slugOf(slug: string): string {
  if (!SERVICE_CATEGORY_PATTERN.test(slug)) throw DomainError.invalidField('slug', 'slug must be 1 to 40 lower-case letters, digits and hyphens');
  return slug;
}

@ApiTags('services')
@Controller('service-categories')
export class ServiceCategoriesController {
  constructor(private readonly categories: ServiceCategoriesService) {}

  @Put(':slug')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a category or change its labels and position (labels de and en required)' })
  @ApiResponse({ status: 200, type: ServiceCategoryResponseDto })
  put(@CurrentUser() actor: AuthUser, @Param('slug') slug: string, @Body() body: UpdateServiceCategoryDto): Promise<ServiceCategoryDto> {
    return this.categories.put(actor, slugOf(slug), body);
  }

  @Delete(':slug')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a category no service uses (409 otherwise)' })
  async remove(@CurrentUser() actor: AuthUser, @Param('slug') slug: string): Promise<void> {
    await this.categories.remove(actor, slugOf(slug));
  }
}
