import { headerValue, parseCacheControlMaxAge, parseRetryAfter } from './http-headers';

describe('parseRetryAfter', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it.each([
    ['120', 120],
    [' 45 ', 45],
    ['0', 0],
  ])('reads delta-seconds %p as %p', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it('reads an IMF-fixdate as the seconds from now until then', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:01:30 GMT', now)).toBe(90);
  });

  it('reads the obsolete RFC 850 and asctime dates, asctime as GMT', () => {
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Sat Mar  1 12:00:10 2025', now)).toBe(10);
  });

  it('rounds a partial second up, so we never come back too early', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:01 GMT', new Date('2025-03-01T12:00:00.500Z'))).toBe(1);
  });

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  const notRetryAfter = [
    undefined, null, '', '-5', '1.5', 'soon', '2025-03-01', 'Sat, 01 Mar 2025 12:01:30', 'Sat, 99 Foo 2025 12:01:30 GMT',
  ];

  it.each(notRetryAfter)(
    'ignores %p',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );
});

describe('parseCacheControlMaxAge', () => {
  it.each([
    ['max-age=300', 300],
    ['public, max-age=300, must-revalidate', 300],
    ['MAX-AGE=60', 60],
    ['max-age="60"', 60],
    ['max-age=0', 0],
    ['max-age=10, max-age=99', 10],
    ['no-cache', 0],
    ['no-store, max-age=600', 0],
    ['max-age=600, no-cache', 0],
  ])('reads %p as %p', (value, expected) => {
    expect(parseCacheControlMaxAge(value)).toBe(expected);
  });

  const withoutLifetime = [
    undefined, null, '', 'public', 's-maxage=600', 'max-age=abc', 'max-age=-1', 'max-age=', 'no-cache="Set-Cookie"',
  ];

  it.each(withoutLifetime)(
    'finds no lifetime in %p',
    (value) => {
      expect(parseCacheControlMaxAge(value)).toBeUndefined();
    },
  );
});

describe('headerValue', () => {
  it('takes the first of a repeated header and treats empty as absent', () => {
    expect(headerValue({ etag: ['"a"', '"b"'] }, 'ETag')).toBe('"a"');
    expect(headerValue({ etag: '' }, 'etag')).toBeUndefined();
    expect(headerValue({}, 'etag')).toBeUndefined();
  });
});
