import { cityName, type InvitationLanguage, type Role } from '@welcome-ruhr/contracts';
import { composeMail, type MailContent } from '../mail/mail-template';

export interface InvitationMailInput {
  name: string;
  inviterName: string;
  role: Role;
  cities: string[];
  link: string;
  expiresAt: Date;
}

const ROLE_LABELS: Record<InvitationLanguage, Record<Role, string>> = {
  de: { admin: 'Administrator*in', moderator: 'Moderator*in', ambassador: 'Botschafter*in' },
  en: { admin: 'admin', moderator: 'moderator', ambassador: 'ambassador' },
};

export function invitationMail(language: InvitationLanguage, input: InvitationMailInput): MailContent {
  const expires = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(input.expiresAt);
  const places = input.cities.map(cityName).join(', ');
  const role = ROLE_LABELS[language][input.role];
  if (language === 'en') {
    return composeMail('en', 'Your invitation to Welcome Ruhr', [
      { paragraph: `Hello ${input.name},` },
      { paragraph: `${input.inviterName} invites you to the Welcome Ruhr dashboard as ${role}${places ? ` for ${places}` : ''}.` },
      { paragraph: 'Choose your password with this link to get started:' },
      { link: { href: input.link, label: 'Accept the invitation' } },
      { paragraph: `The link works once, until ${expires} (German time). If it has expired, ask an admin for a new invitation.` },
      { footnote: 'If you did not expect this invitation, you can ignore this e-mail.' },
    ]);
  }
  return composeMail('de', 'Ihre Einladung zu Welcome Ruhr', [
    { paragraph: `Hallo ${input.name},` },
    { paragraph: `${input.inviterName} lädt Sie als ${role}${places ? ` für ${places}` : ''} in das Dashboard von Welcome Ruhr ein.` },
    { paragraph: 'Legen Sie über diesen Link Ihr Passwort fest:' },
    { link: { href: input.link, label: 'Einladung annehmen' } },
    { paragraph: `Der Link funktioniert einmal und bis ${expires} Uhr. Ist er abgelaufen, bitten Sie eine Administratorin oder einen Administrator um eine neue Einladung.` },
    { footnote: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.' },
  ]);
}
