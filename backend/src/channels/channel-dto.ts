import type { ChannelDto } from '@welcome-ruhr/contracts';
import type { ChannelEntity } from './channel.entity';

/** Never the token. */
export function toChannelDto(c: ChannelEntity): ChannelDto {
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    externalId: c.externalId,
    instanceUrl: c.instanceUrl,
    status: c.status,
    statusReason: c.statusReason,
    tokenExpiresAt: c.tokenExpiresAt?.toISOString() ?? null,
    lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}
