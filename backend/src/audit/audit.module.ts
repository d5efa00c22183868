import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Global: every feature records its decisions and edits here. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
