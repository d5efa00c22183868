import { requestBody, serverErrors, validate, type FormValues } from './contact-form';

const t = { formRequired: 'required', formEmailInvalid: 'email', formConsentRequired: 'consent', formInvalid: 'invalid', formError: 'error' } as never;
const valid: FormValues = { name: 'Ana', email: 'ana@example.org', message: 'Hallo', consent: true, website: '' };

describe('contact form', () => {
  it('requires name, a valid e-mail, a message and consent', () => {
    expect(validate(valid, t)).toEqual({});
    expect(validate({ name: ' ', email: 'a@b', message: '', consent: false, website: '' }, t)).toEqual({
      name: 'required',
      email: 'email',
      message: 'required',
      consent: 'consent',
    });
  });

  it('builds the request with the ambassador, the form token and the honeypot as it is', () => {
    expect(requestBody({ ...valid, name: ' Ana ' }, 'id-1', 'tr', 'tok')).toEqual({
      ambassadorId: 'id-1',
      name: 'Ana',
      email: 'ana@example.org',
      language: 'tr',
      message: 'Hallo',
      consent: true,
      website: '',
      startedAt: 'tok',
    });
  });

  it('maps a 400’s fields to the form’s fields, and anything else to the form', () => {
    expect(serverErrors([{ field: 'message', problem: 'too many links' }, { field: 'startedAt', problem: 'too quickly' }], t)).toEqual({ message: 'invalid', form: 'error' });
    expect(serverErrors(undefined, t)).toEqual({ form: 'error' });
  });
});
