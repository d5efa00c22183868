import { ApiProperty } from '@nestjs/swagger';
import type { AssignContactRequest } from '@welcome-ruhr/contracts';
import { IsUUID } from 'class-validator';

export class AssignContactRequestDto implements AssignContactRequest {
  @ApiProperty({ format: 'uuid', description: 'The ambassador who answers from now on' })
  @IsUUID('all', { message: 'ambassadorId must be the id of an ambassador' })
  ambassadorId!: string;
}
