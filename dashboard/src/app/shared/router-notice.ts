import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Message } from './api-error';

/**
 * What the page before said it did ("Der Beitrag wurde zur Prüfung gesendet."), handed over in the
 * navigation's state, so the new page can announce it in its own status region.
 */
export function routerNotice(): Message | null {
  const notice: unknown = inject(Router).currentNavigation()?.extras.state?.['notice'];
  return notice && typeof notice === 'object' && ('key' in notice || 'text' in notice) ? (notice as Message) : null;
}
