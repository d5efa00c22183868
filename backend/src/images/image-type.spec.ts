import { declaredImageType, sniffImageType } from './image-type';
import { IMAGES } from './testing/images';

describe('image types', () => {
  it('recognises JPEG, PNG, GIF, WebP and AVIF by their bytes', () => {
    expect(sniffImageType(IMAGES.jpeg)).toBe('image/jpeg');
    expect(sniffImageType(IMAGES.png)).toBe('image/png');
    expect(sniffImageType(IMAGES.gif)).toBe('image/gif');
    expect(sniffImageType(IMAGES.webp)).toBe('image/webp');
    expect(sniffImageType(IMAGES.avif)).toBe('image/avif');
  });

  it('recognises nothing else, SVG and HTML above all', () => {
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('accepts the declared types that browsers show as images, ignoring parameters and case', () => {
    expect(declaredImageType('image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(declaredImageType('image/jpg')).toBe('image/jpeg');
    expect(declaredImageType('image/svg+xml')).toBeNull();
    expect(declaredImageType('text/html')).toBeNull();
    expect(declaredImageType(undefined)).toBeNull();
  });
});
