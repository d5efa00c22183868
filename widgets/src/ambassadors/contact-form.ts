import type { CreateContactRequest, PrivacyNoticeDto } from '@welcome-ruhr/contracts';
import { apiUrl } from '../shared/portal-origin';
import { h, PRIVATE, type AllTexts } from '../shared/ui';

export interface FormValues {
  name: string;
  email: string;
  message: string;
  consent: boolean;
  website: string;
}

export type FieldErrors = Partial<Record<'name' | 'email' | 'message' | 'consent', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the visitor must fix before sending; empty when the form can go. */
export function validate(values: FormValues, t: AllTexts): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = t['formRequired'];
  if (!EMAIL.test(values.email.trim())) errors.email = t['formEmailInvalid'];
  if (!values.message.trim()) errors.message = t['formRequired'];
  if (!values.consent) errors.consent = t['formConsentRequired'];
  return errors;
}

/** The body of POST /api/public/contact-requests. */
export function requestBody(values: FormValues, ambassadorId: string, language: string, formToken: string): CreateContactRequest {
  return {
    ambassadorId,
    name: values.name.trim(),
    email: values.email.trim(),
    language,
    message: values.message.trim(),
    consent: values.consent,
    website: values.website,
    startedAt: formToken,
  };
}

/** The field problems of a 400 answer, in the visitor's language; `form` for what belongs to no field. */
export function serverErrors(fields: { field: string; problem: string }[] | undefined, t: AllTexts): FieldErrors & { form?: string } {
  const errors: FieldErrors & { form?: string } = {};
  for (const { field } of fields ?? []) {
    if (field === 'email') errors.email = t['formEmailInvalid'];
    else if (field === 'consent') errors.consent = t['formConsentRequired'];
    else if (field === 'name' || field === 'message') errors[field] = t['formInvalid'];
    else errors.form = t['formError'];
  }
  if (!Object.keys(errors).length) errors.form = t['formError'];
  return errors;
}

let ids = 0;

/**
 * The inline contact form for one ambassador: labelled fields with their errors next to them
 * (aria-describedby), the privacy notice as text, a required consent box and the hidden honeypot.
 */
export function contactForm(
  doc: Document,
  origin: string,
  ambassador: { id: string; displayName: string },
  language: string,
  t: AllTexts,
  notice: PrivacyNoticeDto,
  onClose: () => void,
): HTMLFormElement {
  const p = `f${++ids}`;
  // The portal refuses a form sent sooner than minFillSeconds after its token was issued (a bot's speed);
  // a quick person (autofill, a short question) waits out the rest while the form says "sending".
  const shownAt = Date.now();
  const inputs: Record<string, HTMLInputElement | HTMLTextAreaElement> = {};
  const errorsOut: Record<string, HTMLElement> = {};
  const field = (name: 'name' | 'email' | 'message', type: string) => {
    const input =
      name === 'message'
        ? h(doc, 'textarea', { id: `${p}${name}`, name, rows: '4', maxlength: '4000', required: '', 'aria-describedby': `${p}${name}e` })
        : h(doc, 'input', { id: `${p}${name}`, name, type, required: '', autocomplete: name, 'aria-describedby': `${p}${name}e` });
    inputs[name] = input;
    errorsOut[name] = h(doc, 'span', { id: `${p}${name}e`, class: 'err' });
    return h(doc, 'label', {}, t[name === 'name' ? 'formName' : name === 'email' ? 'formEmail' : 'formMessage'], input, errorsOut[name]);
  };
  const consent = h(doc, 'input', { type: 'checkbox', name: 'consent', required: '', 'aria-describedby': `${p}consente` });
  inputs['consent'] = consent;
  errorsOut['consent'] = h(doc, 'span', { id: `${p}consente`, class: 'err' });
  const honeypot = h(doc, 'input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
  const status = h(doc, 'p', { role: 'status' });
  const send = h(doc, 'button', { type: 'submit' }, t['formSend']);
  const close = h(doc, 'button', { type: 'button' }, t['formCancel']);
  close.addEventListener('click', onClose);
  const paragraphs = notice.text.split(/\n\s*\n/).map((text) => h(doc, 'p', {}, text));
  const form = h(
    doc,
    'form',
    { 'aria-labelledby': `${p}h`, novalidate: '', part: 'form' },
    h(doc, 'h4', { id: `${p}h` }, `${t['ambAsk']}: ${ambassador.displayName}`),
    field('name', 'text'),
    field('email', 'email'),
    field('message', ''),
    h(doc, 'div', { lang: notice.language, part: 'privacy' }, h(doc, 'strong', {}, notice.title), ...paragraphs),
    h(doc, 'label', { class: 'ck' }, consent, h(doc, 'span', { lang: notice.language }, notice.consentLabel)),
    errorsOut['consent'],
    h(doc, 'div', { class: 'hp', 'aria-hidden': 'true' }, h(doc, 'label', {}, 'Website', honeypot)),
    status,
    h(doc, 'div', { class: 'links' }, send, close),
  );

  const show = (errors: FieldErrors & { form?: string }) => {
    let first: HTMLElement | undefined;
    for (const name of ['name', 'email', 'message', 'consent'] as const) {
      const message = errors[name] ?? '';
      errorsOut[name].textContent = message;
      if (message) inputs[name].setAttribute('aria-invalid', 'true');
      else inputs[name].removeAttribute('aria-invalid');
      if (message && !first) first = inputs[name];
    }
    status.textContent = errors.form ?? '';
    first?.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const values: FormValues = {
        name: inputs['name'].value,
        email: inputs['email'].value,
        message: inputs['message'].value,
        consent: consent.checked,
        website: honeypot.value,
      };
      const errors = validate(values, t);
      show(errors);
      if (Object.keys(errors).length) return;
      send.disabled = true;
      status.textContent = t['formSending'];
      try {
        const early = notice.minFillSeconds * 1000 - (Date.now() - shownAt);
        if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
        const response = await fetch(apiUrl(origin, '/api/public/contact-requests'), {
          ...PRIVATE,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(requestBody(values, ambassador.id, language, notice.formToken)),
        });
        if (response.ok) {
          form.replaceChildren(h(doc, 'p', { role: 'status', tabindex: '-1', part: 'success' }, t['formSent']), close);
          (form.firstElementChild as HTMLElement).focus();
          return;
        }
        if (response.status === 429) show({ form: t['formTooMany'] });
        else if (response.status === 400) {
          const body = (await response.json().catch(() => ({}))) as { fields?: { field: string; problem: string }[] };
          show(serverErrors(body.fields, t));
        } else show({ form: t['formError'] });
      } catch {
        show({ form: t['formError'] });
      } finally {
        send.disabled = false;
      }
    })();
  });
  return form;
}
