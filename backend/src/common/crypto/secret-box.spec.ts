import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('a-secret-key-of-at-least-32-characters!!');

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('EAAG-page-token-ü');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('EAAG');
    expect(box.open(sealed)).toBe('EAAG-page-token-ü');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered value and another key', () => {
    const sealed = box.seal('token');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('another-secret-key-of-32-characters-long').open(sealed)).toThrow();
  });
});
