import { channelText, POST_LENGTH_LIMITS, postLength, type ChannelType, type PostPreviewDto } from '@welcome-ruhr/contracts';
import { DomainError } from '../common/errors/domain-error';

const MINUTE_MS = 60_000;
/** How far ahead a post may be scheduled. */
export const MAX_SCHEDULE_AHEAD_DAYS = 365;
const PLATFORM: Record<ChannelType, string> = { facebook_page: 'Facebook', mastodon: 'Mastodon' };

export interface ChannelLike {
  id: string;
  type: ChannelType;
  name: string;
}

/** How the text fits each channel. */
export function preview(text: string, link: string | null | undefined, channels: ChannelLike[]): PostPreviewDto {
  return {
    channels: channels.map((c) => {
      const length = postLength(c.type, text, link);
      const limit = POST_LENGTH_LIMITS[c.type];
      return { channelId: c.id, channelType: c.type, channelName: c.name, text: channelText(c.type, text, link), length, limit, fits: length <= limit };
    }),
  };
}

/** Every channel must take the text; a 400 on `text` says which does not and by how much. */
export function assertFits(text: string, link: string | null | undefined, channels: ChannelLike[]): void {
  const tooLong = preview(text, link, channels).channels.filter((c) => !c.fits);
  if (tooLong.length === 0) return;
  const first = tooLong[0];
  const linkNote = first.channelType === 'mastodon' && link ? ' (the link counts as 23)' : '';
  throw DomainError.invalidField(
    'text',
    `text is ${first.length} characters long for ${PLATFORM[first.channelType]}${linkNote}; “${first.channelName}” takes at most ${first.limit}`,
  );
}

/** A schedule the post can keep: a time from now (a minute's grace) to a year ahead, or "as soon as approved". */
export function checkSchedule(scheduledAt: string | Date | null | undefined, asSoonAsApproved: boolean, now = new Date()): Date | null {
  if (asSoonAsApproved) return null;
  if (!scheduledAt) throw DomainError.invalidField('scheduledAt', 'scheduledAt is required unless asSoonAsApproved is true');
  const at = new Date(scheduledAt);
  if (at.getTime() < now.getTime() - MINUTE_MS) throw DomainError.invalidField('scheduledAt', 'scheduledAt must not be in the past');
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 24 * 60 * MINUTE_MS) {
    throw DomainError.invalidField('scheduledAt', `scheduledAt must be at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead`);
  }
  return at;
}
