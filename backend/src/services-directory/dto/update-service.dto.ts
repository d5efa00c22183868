import { PartialType } from '@nestjs/swagger';
import type { UpdateServiceRequest } from '@welcome-ruhr/contracts';
import { CreateServiceDto } from './create-service.dto';

/** Every field optional; null clears an optional one. */
export class UpdateServiceDto extends PartialType(CreateServiceDto) implements UpdateServiceRequest {}
