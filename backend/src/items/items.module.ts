import { Global, Module } from '@nestjs/common';
import { ContentEvents } from './content-events';

@Global()
@Module({ providers: [ContentEvents], exports: [ContentEvents] })
export class ItemsModule {}
