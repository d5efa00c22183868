import { Module } from '@nestjs/common';
import { ImagesModule } from '../images/images.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { EmbeddedVacuumService } from './embedded-vacuum.service';
import { FeedFastPath } from './feed-fast-path';
import { FeedQueries } from './feed-queries';
import { FeedStatistics } from './feed-statistics';
import { PublicFeedController } from './public-feed.controller';
import { PublicFeedService } from './public-feed.service';

/** GET /api/public/feed: approved items for widgets and the portal, cached in memory. */
@Module({
  imports: [TaxonomyModule, ImagesModule],
  controllers: [PublicFeedController],
  providers: [FeedQueries, FeedStatistics, PublicFeedService, FeedFastPath, EmbeddedVacuumService],
})
export class PublicFeedModule {}
