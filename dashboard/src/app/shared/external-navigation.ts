import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';

/**
 * Leaves the dashboard for another site (Facebook's login dialog). A token, so that tests can see
 * where the browser would go without leaving the test page.
 */
export const EXTERNAL_NAVIGATION = new InjectionToken<(url: string) => void>('EXTERNAL_NAVIGATION', {
  factory: () => {
    const document = inject(DOCUMENT);
    return (url: string) => document.location.assign(url);
  },
});
