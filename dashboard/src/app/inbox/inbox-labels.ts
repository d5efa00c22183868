import { ContactRequestStatus } from '@welcome-ruhr/contracts';
import { BadgeLook } from '../shared/state-badge/state-badge';

/** Translation keys, written out so that the check of the translation files sees every one. */
export const REQUEST_STATUS_LOOKS: Record<ContactRequestStatus, BadgeLook> = {
  new: { key: 'inbox.statuses.new', icon: '★', badge: 'badge--info' },
  answered: { key: 'inbox.statuses.answered', icon: '✓', badge: 'badge--success' },
  closed: { key: 'inbox.statuses.closed', icon: '–', badge: 'badge--muted' },
};
