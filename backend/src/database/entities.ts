import { AmbassadorEntity } from '../ambassadors/ambassador.entity';
import { AmbassadorPhotoEntity } from '../ambassadors/ambassador-photo.entity';
import { NotificationEntity } from '../ambassadors/notifications/notification.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { ChannelEntity } from '../channels/channel.entity';
import { FacebookLoginEntity } from '../channels/facebook-login.entity';
import { SessionEntity } from '../auth/session.entity';
import { ItemEntity } from '../items/item.entity';
import { BlockedPhraseEntity } from '../moderation/blocked-phrase.entity';
import { PostDeliveryEntity } from '../posts/post-delivery.entity';
import { PostImageEntity } from '../posts/post-image.entity';
import { PostEntity } from '../posts/post.entity';
import { SourceEntity } from '../sources/source.entity';
import { TopicEntity } from '../taxonomy/topic.entity';
import { UserEntity } from '../users/user.entity';
import { WidgetPresetEntity } from '../widget-presets/widget-preset.entity';
import { ContactReplyEntity } from '../contact-requests/contact-reply.entity';
import { ContactRequestEntity } from '../contact-requests/contact-request.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { OutboxMessageEntity } from '../mail/outbox-message.entity';
import { ServiceCategoryEntity } from '../services-directory/service-category.entity';
import { ServiceEntity } from '../services-directory/service.entity';
import { ImportJobEntity } from '../import-jobs/import-job.entity';
import { RateLimitEntity } from '../rate-limits/rate-limit.entity';

/** Every entity, in one list that the data source and the migration tools share. */
export const ENTITIES = [UserEntity, AmbassadorEntity, SessionEntity, SourceEntity, ItemEntity, AuditEntryEntity, BlockedPhraseEntity, TopicEntity, WidgetPresetEntity, AmbassadorPhotoEntity, ChannelEntity, FacebookLoginEntity, NotificationEntity, PostEntity, PostImageEntity, PostDeliveryEntity, ContactRequestEntity, ContactReplyEntity, OutboxMessageEntity, ServiceCategoryEntity, ServiceEntity, InvitationEntity, ImportJobEntity, RateLimitEntity];
