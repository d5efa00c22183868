import { Logger, Module } from '@nestjs/common';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { ChannelsModule } from '../channels/channels.module';
import { FacebookModule } from '../facebook/facebook.module';
import { PostsModule } from '../posts/posts.module';
import type { PublisherHooks } from './publish-engine';
import { PUBLISHER_HOOKS, PublisherService } from './publisher.service';

/**
 * Test-only fault injection for the built backend: PUBLISHER_FAULT_CRASH_AFTER_SEND=<probability>
 * kills the process (SIGKILL) right after a channel answered and before the answer is recorded.
 */
function faultHooks(): PublisherHooks | undefined {
  const probability = Number(process.env['PUBLISHER_FAULT_CRASH_AFTER_SEND'] ?? 0);
  if (!(probability > 0)) return undefined;
  new Logger('PublisherModule').warn(`PUBLISHER_FAULT_CRASH_AFTER_SEND=${probability}: this process will kill itself after sends (tests only)`);
  return {
    afterSend: () => {
      if (Math.random() < probability) process.kill(process.pid, 'SIGKILL');
    },
  };
}

/** Sends approved, due posts to their channels, exactly once. */
@Module({
  imports: [AmbassadorsModule, ChannelsModule, FacebookModule, PostsModule],
  providers: [{ provide: PUBLISHER_HOOKS, useFactory: faultHooks }, PublisherService],
  exports: [PublisherService],
})
export class PublisherModule {}
