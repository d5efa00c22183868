import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { lowerEmail } from './text-validators';

/** The e-mail address of a data-subject request (export, erasure). */
export class ContactEmailQuery {
  @ApiProperty({ example: 'olena@example.org' })
  @Transform(lowerEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  email!: string;
}
