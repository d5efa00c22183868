import { DynamicModule, Global, Module, OnApplicationBootstrap, Inject } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import type { ConnectOptions } from '../database/connect';
import { HealthModule } from '../health/health.module';
import { ItemsModule } from '../items/items.module';
import { ModerationModule } from '../moderation/moderation.module';
import { OverviewModule } from '../overview/overview.module';
import { PublicFeedModule } from '../public-feed/public-feed.module';
import { SourcesModule } from '../sources/sources.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { UsersModule } from '../users/users.module';
import { UsersService } from '../users/users.service';
import { EmbedModule } from '../embed/embed.module';
import { ImagesModule } from '../images/images.module';
import { WidgetPresetsModule } from '../widget-presets/widget-presets.module';
import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { ChannelsModule } from '../channels/channels.module';
import { FacebookModule } from '../facebook/facebook.module';
import { PostsModule } from '../posts/posts.module';
import { PublisherModule } from '../publisher/publisher.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ContactRequestsModule } from '../contact-requests/contact-requests.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MailModule } from '../mail/mail.module';
import { ServicesDirectoryModule } from '../services-directory/services-directory.module';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static register(config: AppConfig, options: { database?: { url: string | null; dataDir: string | null }; connect?: ConnectOptions } = {}): DynamicModule {
    const database = options.database ?? { url: config.databaseUrl, dataDir: config.dataDir };
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        DatabaseModule.forRoot(database, options.connect),
        ScheduleModule.forRoot(),
        AuditModule,
        ItemsModule,
        TaxonomyModule,
        ModerationModule,
        OverviewModule,
        PublicFeedModule,
        SourcesModule,
        UsersModule,
        AuthModule,
        HealthModule,
        ImagesModule,
        EmbedModule,
        WidgetPresetsModule,
        AmbassadorsModule,
        ChannelsModule,
        FacebookModule,
        PostsModule,
        PublisherModule,
        WebhooksModule,
        MailModule,
        ContactRequestsModule,
        ServicesDirectoryModule,
        InvitationsModule,
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.users.bootstrapAdmin(this.config.adminEmail, this.config.adminPassword);
  }
}
