import { WelcomeRuhrFeed } from '../feed/element';
import { portalOrigin } from '../shared/portal-origin';

WelcomeRuhrFeed.origin = portalOrigin(import.meta.url);
if (!customElements.get('welcome-ruhr-feed')) customElements.define('welcome-ruhr-feed', WelcomeRuhrFeed);

declare global {
  interface HTMLElementTagNameMap {
    'welcome-ruhr-feed': WelcomeRuhrFeed;
  }
}

export { WelcomeRuhrFeed };
