import { composeMail, type MailBlock, type MailContent } from '../mail/mail-template';

/** Staff have no stored language: their notices are in German with English below. */
export type WaitingReason = 'ambassador' | 'portal' | 'assigned';

export interface WaitingNoticeInput {
  recipientName: string;
  reason: WaitingReason;
  /** The city's name for a portal request. */
  cityName: string | null;
  /** ISO 639-1 code of the newcomer's language. */
  language: string;
  inboxUrl: string;
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * "A question is waiting": deliberately without the message, the newcomer's name or address, so no
 * personal data of the newcomer travels by e-mail to private mailboxes.
 */
export function waitingNotice(input: WaitingNoticeInput): MailContent {
  const de = languageName(input.language, 'de');
  const en = languageName(input.language, 'en');
  const whatDe =
    input.reason === 'portal'
      ? `Im Posteingang von Welcome Ruhr wartet eine neue Frage an das Portal für ${input.cityName ?? 'Ihre Stadt'} (Sprache: ${de}).`
      : input.reason === 'assigned'
        ? `Eine Moderatorin oder ein Moderator hat Ihnen eine Frage im Posteingang von Welcome Ruhr zugewiesen (Sprache: ${de}).`
        : `Im Posteingang von Welcome Ruhr wartet eine neue Frage an Sie (Sprache: ${de}).`;
  const whatEn =
    input.reason === 'portal'
      ? `A new question to the portal for ${input.cityName ?? 'your city'} is waiting in the Welcome Ruhr inbox (language: ${en}).`
      : input.reason === 'assigned'
        ? `A moderator assigned a question in the Welcome Ruhr inbox to you (language: ${en}).`
        : `A new question to you is waiting in the Welcome Ruhr inbox (language: ${en}).`;
  const blocks: MailBlock[] = [
    { paragraph: `Hallo ${input.recipientName},` },
    { paragraph: whatDe },
    { paragraph: 'Aus Datenschutzgründen steht die Nachricht nicht in dieser E-Mail. Bitte lesen und beantworten Sie sie im Dashboard.' },
    { link: { href: input.inboxUrl, label: 'Zum Posteingang' } },
    { paragraph: `Hello ${input.recipientName},` },
    { paragraph: whatEn },
    { paragraph: 'For data protection, the message is not part of this e-mail. Please read and answer it in the dashboard.' },
    { link: { href: input.inboxUrl, label: 'Open the inbox' } },
    { footnote: 'Welcome Ruhr' },
  ];
  return composeMail('de', 'Neue Frage im Posteingang / A new question is waiting', blocks);
}

export interface ReplyMailInput {
  newcomerName: string;
  /** The ambassador's display name, or the portal's name. */
  authorName: string;
  reply: string;
  question: string;
  askedAt: Date;
  retentionDays: number;
}

interface ReplyTexts {
  subject: string;
  greeting: (name: string) => string;
  intro: (author: string) => string;
  answerHint: string;
  yourQuestion: (date: string) => string;
  footnote: (days: number) => string;
}

/** The newcomer's language where there is a translation, else English. */
const REPLY_TEXTS: Record<string, ReplyTexts> = {
  de: {
    subject: 'Antwort auf Ihre Frage an Welcome Ruhr',
    greeting: (name) => `Hallo ${name},`,
    intro: (author) => `${author} hat Ihre Frage beantwortet:`,
    answerHint: 'Sie können direkt auf diese E-Mail antworten; Ihre Antwort erreicht das Portal.',
    yourQuestion: (date) => `Ihre Frage vom ${date}:`,
    footnote: (days) => `Sie erhalten diese E-Mail, weil Sie über Welcome Ruhr eine Frage gestellt haben. Wir löschen das Gespräch ${days} Tage nach seinem Abschluss.`,
  },
  en: {
    subject: 'Answer to your question to Welcome Ruhr',
    greeting: (name) => `Hello ${name},`,
    intro: (author) => `${author} has answered your question:`,
    answerHint: 'You can reply to this e-mail directly; your answer reaches the portal.',
    yourQuestion: (date) => `Your question of ${date}:`,
    footnote: (days) => `You receive this e-mail because you asked a question through Welcome Ruhr. We delete the conversation ${days} days after it is closed.`,
  },
  tr: {
    subject: 'Welcome Ruhr’a sorduğunuz soruya yanıt',
    greeting: (name) => `Merhaba ${name},`,
    intro: (author) => `${author} sorunuzu yanıtladı:`,
    answerHint: 'Bu e-postayı doğrudan yanıtlayabilirsiniz; yanıtınız portala ulaşır.',
    yourQuestion: (date) => `${date} tarihli sorunuz:`,
    footnote: (days) => `Bu e-postayı Welcome Ruhr üzerinden bir soru sorduğunuz için alıyorsunuz. Görüşmeyi kapatıldıktan ${days} gün sonra sileriz.`,
  },
  ar: {
    subject: 'رد على سؤالك إلى Welcome Ruhr',
    greeting: (name) => `مرحبًا ${name}،`,
    intro: (author) => `أجاب ${author} على سؤالك:`,
    answerHint: 'يمكنك الرد على هذه الرسالة مباشرة، وسيصل ردك إلى البوابة.',
    yourQuestion: (date) => `سؤالك بتاريخ ${date}:`,
    footnote: (days) => `تصلك هذه الرسالة لأنك طرحت سؤالًا عبر Welcome Ruhr. نحذف المحادثة بعد ${days} يومًا من إغلاقها.`,
  },
  uk: {
    subject: 'Відповідь на ваше запитання до Welcome Ruhr',
    greeting: (name) => `Вітаємо, ${name}!`,
    intro: (author) => `${author} відповів(-ла) на ваше запитання:`,
    answerHint: 'Ви можете відповісти безпосередньо на цей лист; ваша відповідь надійде на портал.',
    yourQuestion: (date) => `Ваше запитання від ${date}:`,
    footnote: (days) => `Ви отримали цей лист, бо поставили запитання через Welcome Ruhr. Ми видаляємо розмову через ${days} днів після її закриття.`,
  },
};

export const REPLY_LANGUAGES = Object.keys(REPLY_TEXTS);

export function replyLanguage(language: string): string {
  return REPLY_TEXTS[language] ? language : 'en';
}

/** The answer to the newcomer, with their question quoted below it. */
export function replyMail(language: string, input: ReplyMailInput): MailContent {
  const chosen = replyLanguage(language);
  const t = REPLY_TEXTS[chosen]!;
  const date = new Intl.DateTimeFormat(chosen, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(input.askedAt);
  return composeMail(chosen, t.subject, [
    { paragraph: t.greeting(input.newcomerName) },
    { paragraph: t.intro(input.authorName) },
    { quote: input.reply },
    { paragraph: t.answerHint },
    { paragraph: t.yourQuestion(date) },
    { quote: input.question },
    { footnote: t.footnote(input.retentionDays) },
  ]);
}
