import { contrastProblems, contrastRatio, WIDGET_DEFAULT_COLORS } from './widgets';

describe('contrastRatio', () => {
  it('computes the WCAG 2.1 ratio', () => {
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('red', '#fff')).toBeNull();
  });
});

describe('contrastProblems', () => {
  it('finds none in the widget’s defaults', () => {
    expect(contrastProblems({})).toEqual([]);
    expect(contrastRatio(WIDGET_DEFAULT_COLORS.text, WIDGET_DEFAULT_COLORS.background)).toBeGreaterThan(15);
  });

  it('names the pairs that miss AA', () => {
    expect(contrastProblems({ text: '#999999', accent: '#ffcc00' })).toEqual([
      { pair: 'text/background', ratio: 2.85 },
      { pair: 'accent/background', ratio: 1.51 },
      { pair: 'button', ratio: 1.51 },
    ]);
  });
});
