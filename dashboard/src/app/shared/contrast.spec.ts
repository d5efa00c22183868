import { contrastRatio, formatRatio, parseHexColor, relativeLuminance } from './contrast';

describe('contrast', () => {
  it('reads short and long hex colours, and nothing else', () => {
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColor('#0B5CAD')).toEqual([11, 92, 173]);
    expect(parseHexColor('red')).toBeNull();
    expect(parseHexColor('#12345')).toBeNull();
  });

  it('knows the luminance of black and white', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 5);
  });

  it('computes the WCAG contrast ratio in either order', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // The well-known limit case: #767676 on white is just above 4.5 : 1, #777777 just below.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#ffffff', '#777777')).toBeLessThan(4.5);
    expect(contrastRatio('#fff', 'nonsense')).toBeNull();
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.48, 'de')).toBe('4,4');
    expect(formatRatio(21, 'en')).toBe('21.0');
  });
});
