import type { PrivacyNoticeLanguage } from '@welcome-ruhr/contracts';
import { createHash } from 'node:crypto';

/**
 * The privacy notice shown with the contact form, per language. The data-protection officer's
 * background is docs/contact-and-privacy.md; keep both in step. `{days}` is CONTACT_RETENTION_DAYS,
 * `{mailDays}` MAIL_OUTBOX_RETENTION_DAYS. The version stored with a request is a hash of the text it saw.
 */
interface NoticeText {
  title: string;
  consentLabel: string;
  paragraphs: string[];
}

const NOTICES: Record<PrivacyNoticeLanguage, NoticeText> = {
  de: {
    title: 'Datenschutzhinweis zu Ihrer Frage',
    consentLabel: 'Ich habe den Datenschutzhinweis gelesen und bin einverstanden, dass meine Angaben zur Beantwortung meiner Frage verarbeitet werden.',
    paragraphs: [
      'Wenn Sie dieses Formular absenden, speichern wir Ihren Namen, Ihre E-Mail-Adresse, die gewählte Sprache und Ihre Nachricht, dazu den Zeitpunkt und Ihre Einwilligung.',
      'Wir verwenden diese Angaben nur, um Ihre Frage zu beantworten. Schreiben Sie einer Botschafterin oder einem Botschafter, liest nur diese Person Ihre Frage; schreiben Sie an das Portal, lesen sie die Mitarbeitenden des Integrationsbüros der gewählten Stadt. Die Antwort erhalten Sie per E-Mail von der Adresse des Portals; private Adressen werden nicht weitergegeben. Botschafterinnen und Botschafter sehen Ihre E-Mail-Adresse nicht.',
      'Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Sie können sie jederzeit widerrufen; schreiben Sie dazu an das Portal, dann löschen wir Ihre Angaben.',
      'Wir löschen Ihre Frage und unsere Antworten {days} Tage, nachdem das Gespräch abgeschlossen wurde. Versandte E-Mails löschen wir {mailDays} Tage nach dem Versand. Ihre IP-Adresse speichern wir nicht; sie wird nur kurz im Arbeitsspeicher genutzt, um automatisierten Missbrauch zu verhindern.',
      'Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (in Nordrhein-Westfalen: Landesbeauftragte für Datenschutz und Informationsfreiheit NRW).',
    ],
  },
  en: {
    title: 'Privacy notice for your question',
    consentLabel: 'I have read the privacy notice and agree that my details are processed to answer my question.',
    paragraphs: [
      'When you send this form, we store your name, your e-mail address, the language you chose and your message, together with the time and your consent.',
      'We use these details only to answer your question. If you write to an ambassador, only this person reads your question; if you write to the portal, the staff of the integration office of the city you chose read it. You receive the answer by e-mail from the portal’s address; private addresses are not passed on. Ambassadors do not see your e-mail address.',
      'The legal basis is your consent (Art. 6(1)(a) GDPR). You can withdraw it at any time by writing to the portal; we then delete your details.',
      'We delete your question and our answers {days} days after the conversation was closed. Sent e-mails are deleted {mailDays} days after sending. We do not store your IP address; it is used only briefly in memory to stop automated abuse.',
      'You have the right of access, rectification, erasure, restriction of processing, data portability and objection, and the right to lodge a complaint with a data-protection supervisory authority (in North Rhine-Westphalia: the State Commissioner for Data Protection and Freedom of Information, LDI NRW).',
    ],
  },
  tr: {
    title: 'Sorunuz için veri koruma bilgilendirmesi',
    consentLabel: 'Veri koruma bilgilendirmesini okudum ve bilgilerimin sorumun yanıtlanması için işlenmesini kabul ediyorum.',
    paragraphs: [
      'Bu formu gönderdiğinizde adınızı, e-posta adresinizi, seçtiğiniz dili ve mesajınızı, gönderim zamanı ve onayınızla birlikte kaydederiz.',
      'Bu bilgileri yalnızca sorunuzu yanıtlamak için kullanırız. Bir elçiye yazarsanız sorunuzu yalnızca bu kişi okur; portala yazarsanız seçtiğiniz şehrin uyum bürosu çalışanları okur. Yanıtı portalın adresinden e-posta ile alırsınız; özel adresler paylaşılmaz. Elçiler e-posta adresinizi görmez.',
      'Hukuki dayanak onayınızdır (GVKY madde 6 fıkra 1 bent a). Onayınızı istediğiniz zaman portala yazarak geri alabilirsiniz; bunun üzerine bilgilerinizi sileriz.',
      'Sorunuzu ve yanıtlarımızı, görüşme kapatıldıktan {days} gün sonra sileriz. Gönderilen e-postaları gönderimden {mailDays} gün sonra sileriz. IP adresinizi kaydetmeyiz; yalnızca otomatik kötüye kullanımı önlemek için kısa süre bellekte kullanılır.',
      'Bilgi alma, düzeltme, silme, işlemenin kısıtlanması, veri taşınabilirliği ve itiraz haklarına ve bir veri koruma denetim makamına şikâyette bulunma hakkına sahipsiniz (Kuzey Ren-Vestfalya’da: LDI NRW, Veri Koruma ve Bilgi Edinme Özgürlüğü Eyalet Görevlisi).',
    ],
  },
  ar: {
    title: 'إشعار حماية البيانات الخاص بسؤالك',
    consentLabel: 'لقد قرأت إشعار حماية البيانات وأوافق على معالجة بياناتي للرد على سؤالي.',
    paragraphs: [
      'عند إرسال هذا النموذج نحفظ اسمك وعنوان بريدك الإلكتروني واللغة التي اخترتها ورسالتك، مع وقت الإرسال وموافقتك.',
      'نستخدم هذه البيانات فقط للرد على سؤالك. إذا كتبت إلى أحد السفراء فلا يقرأ سؤالك إلا هذا الشخص؛ وإذا كتبت إلى البوابة فيقرؤه موظفو مكتب الاندماج في المدينة التي اخترتها. تصلك الإجابة بالبريد الإلكتروني من عنوان البوابة، ولا تُنقل العناوين الخاصة. لا يرى السفراء عنوان بريدك الإلكتروني.',
      'الأساس القانوني هو موافقتك (المادة 6، الفقرة 1، البند أ من اللائحة العامة لحماية البيانات). يمكنك سحبها في أي وقت بالكتابة إلى البوابة، وعندها نحذف بياناتك.',
      'نحذف سؤالك وإجاباتنا بعد {days} يومًا من إغلاق المحادثة. ونحذف رسائل البريد المرسلة بعد {mailDays} يومًا من إرسالها. لا نحفظ عنوان IP الخاص بك؛ يُستخدم فقط لفترة قصيرة في الذاكرة لمنع إساءة الاستخدام الآلية.',
      'لك الحق في الاطلاع والتصحيح والحذف وتقييد المعالجة ونقل البيانات والاعتراض، والحق في تقديم شكوى إلى هيئة رقابية لحماية البيانات (في ولاية شمال الراين-وستفاليا: المفوضة الإقليمية لحماية البيانات وحرية المعلومات LDI NRW).',
    ],
  },
  uk: {
    title: 'Повідомлення про захист даних для вашого запитання',
    consentLabel: 'Я прочитав(-ла) повідомлення про захист даних і погоджуюся на обробку моїх даних для відповіді на моє запитання.',
    paragraphs: [
      'Коли ви надсилаєте цю форму, ми зберігаємо ваше ім’я, адресу електронної пошти, обрану мову та ваше повідомлення, а також час надсилання і вашу згоду.',
      'Ми використовуємо ці дані лише для того, щоб відповісти на ваше запитання. Якщо ви пишете амбасадору, ваше запитання читає лише ця людина; якщо ви пишете на портал, його читають працівники бюро з інтеграції обраного вами міста. Відповідь ви отримаєте електронною поштою з адреси порталу; приватні адреси не передаються. Амбасадори не бачать вашої адреси електронної пошти.',
      'Правовою підставою є ваша згода (ст. 6 ч. 1 п. a ЗРЗД/GDPR). Ви можете будь-коли її відкликати, написавши на портал; тоді ми видалимо ваші дані.',
      'Ми видаляємо ваше запитання і наші відповіді через {days} днів після закриття розмови. Надіслані листи ми видаляємо через {mailDays} днів після надсилання. Ми не зберігаємо вашу IP-адресу; вона лише недовго використовується в оперативній пам’яті, щоб запобігти автоматизованим зловживанням.',
      'Ви маєте право на доступ, виправлення, видалення, обмеження обробки, перенесення даних і заперечення, а також право подати скаргу до наглядового органу із захисту даних (у землі Північний Рейн – Вестфалія: Уповноважена із захисту даних і свободи інформації LDI NRW).',
    ],
  },
};

export interface RenderedNotice {
  language: PrivacyNoticeLanguage;
  version: string;
  title: string;
  text: string;
  consentLabel: string;
}

export function isNoticeLanguage(language: string): language is PrivacyNoticeLanguage {
  return Object.prototype.hasOwnProperty.call(NOTICES, language);
}

/** The notice in `language`, or in English when there is no translation. */
export function privacyNotice(language: string, retention: { days: number; mailDays: number }): RenderedNotice {
  const chosen: PrivacyNoticeLanguage = isNoticeLanguage(language) ? language : 'en';
  const notice = NOTICES[chosen];
  const text = notice.paragraphs
    .map((p) => p.replace('{days}', String(retention.days)).replace('{mailDays}', String(retention.mailDays)))
    .join('\n\n');
  const version = createHash('sha256').update(`${notice.title}\n${notice.consentLabel}\n${text}`).digest('hex').slice(0, 12);
  return { language: chosen, version: `${chosen}-${version}`, title: notice.title, text, consentLabel: notice.consentLabel };
}
