import { compactDiff, formatValue } from './diff';

describe('compactDiff', () => {
  it('lists only the fields that changed', () => {
    expect(
      compactDiff(
        { status: 'pending', title: 'Same', topics: ['work'] },
        { status: 'approved', title: 'Same', topics: ['work', 'housing'] },
      ),
    ).toEqual([
      { field: 'status', before: 'pending', after: 'approved' },
      { field: 'topics', before: 'work', after: 'work, housing' },
    ]);
  });

  it('shows what was created and what was deleted', () => {
    expect(compactDiff(null, { phrase: 'spam' })).toEqual([{ field: 'phrase', before: null, after: 'spam' }]);
    expect(compactDiff({ phrase: 'spam' }, null)).toEqual([{ field: 'phrase', before: 'spam', after: null }]);
    expect(compactDiff(null, { phrase: 'spam', language: null })).toEqual([{ field: 'phrase', before: null, after: 'spam' }]);
  });

  it('treats values that are not objects as one line, and no change as none', () => {
    expect(compactDiff('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b' }]);
    expect(compactDiff(null, null)).toEqual([]);
  });

  it('keeps long values short', () => {
    expect(formatValue('x'.repeat(500))).toHaveLength(120);
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(true)).toBe('true');
  });
});
