import { Module } from '@nestjs/common';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { ChannelsModule } from '../channels/channels.module';
import { ModerationPostsController } from './moderation-posts.controller';
import { PostAccess } from './post-access';
import { PostImagesService } from './post-images.service';
import { PostReviewService } from './post-review.service';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { PublicPostsController } from './public-posts.controller';

/** Ambassadors' posts: composing, review by moderators, images; the publisher sends them. */
@Module({
  imports: [AmbassadorsModule, ChannelsModule],
  controllers: [PostsController, ModerationPostsController, PublicPostsController],
  providers: [PostsService, PostReviewService, PostImagesService, PostAccess],
  exports: [PostImagesService],
})
export class PostsModule {}
