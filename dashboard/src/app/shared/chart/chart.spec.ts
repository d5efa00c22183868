import { dayLabel, scaled, stack } from './chart';

describe('chart helpers', () => {
  it('names a calendar day without shifting it by a time zone', () => {
    expect(dayLabel('2026-03-01', 'de')).toBe('1. März');
    expect(dayLabel('2026-12-31', 'en')).toBe('Dec 31');
  });

  it('scales to whole units and draws nothing on an empty scale', () => {
    expect(scaled(1, 3, 100)).toBe(33);
    expect(scaled(3, 3, 100)).toBe(100);
    expect(scaled(5, 0, 100)).toBe(0);
  });

  it('stacks parts without gaps, adding up to the rounded total', () => {
    // Rounded one by one, 1/3 + 1/3 + 1/3 of 100 would make 99.
    expect(stack([1, 1, 1], 3, 100)).toEqual([
      { start: 0, height: 33 },
      { start: 33, height: 34 },
      { start: 67, height: 33 },
    ]);
    expect(stack([0, 2], 4, 100)).toEqual([
      { start: 0, height: 0 },
      { start: 0, height: 50 },
    ]);
  });
});
