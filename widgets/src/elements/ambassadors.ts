import { WelcomeRuhrAmbassadors } from '../ambassadors/element';
import { portalOrigin } from '../shared/portal-origin';

WelcomeRuhrAmbassadors.origin = portalOrigin(import.meta.url);
if (!customElements.get('welcome-ruhr-ambassadors')) customElements.define('welcome-ruhr-ambassadors', WelcomeRuhrAmbassadors);

declare global {
  interface HTMLElementTagNameMap {
    'welcome-ruhr-ambassadors': WelcomeRuhrAmbassadors;
  }
}

export { WelcomeRuhrAmbassadors };
