import { WelcomeRuhrServices } from '../services/element';
import { portalOrigin } from '../shared/portal-origin';

WelcomeRuhrServices.origin = portalOrigin(import.meta.url);
if (!customElements.get('welcome-ruhr-services')) customElements.define('welcome-ruhr-services', WelcomeRuhrServices);

declare global {
  interface HTMLElementTagNameMap {
    'welcome-ruhr-services': WelcomeRuhrServices;
  }
}

export { WelcomeRuhrServices };
