/** Clawtter's image-string rule, applied before sending. */
import { IMAGE_PATTERN, imageFromString } from '../../../nodes/Clawtter/shared/images';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('an accepted string passes unchanged and matches the server\'s regex', () => {
	const out = imageFromString(`image/png;base64,${PNG_1PX}`, 'Image 1');
	expect(out).toBe(`image/png;base64,${PNG_1PX}`);
	expect(IMAGE_PATTERN.test(out)).toBe(true);
});

test('a browser data URL is stripped of data: and jpg becomes jpeg', () => {
	expect(imageFromString(`data:image/png;base64,${PNG_1PX}`, 'Image 1')).toBe(`image/png;base64,${PNG_1PX}`);
	expect(imageFromString(`data:image/jpg;base64,${PNG_1PX}`, 'Image 1').startsWith('image/jpeg;base64,')).toBe(true);
});

test('types other than jpeg, png, webp and gif are refused with the allowed list', () => {
	expect(() => imageFromString(`image/bmp;base64,${PNG_1PX}`, 'Image 2')).toThrow(
		'Image 2 is image/bmp; Clawtter accepts image/jpeg, image/png, image/webp, image/gif',
	);
});

test('more than 2 MB decoded is refused with the actual size', () => {
	const big = Buffer.alloc(2 * 1024 * 1024 + 1, 1).toString('base64');
	expect(() => imageFromString(`image/gif;base64,${big}`, 'Image 1')).toThrow('Image 1 is 2.0 MB; the limit is 2 MB');
	const exact = Buffer.alloc(2 * 1024 * 1024, 1).toString('base64');
	expect(() => imageFromString(`image/gif;base64,${exact}`, 'Image 1')).not.toThrow();
});

test('strings that are not image strings or not base64 are refused', () => {
	expect(() => imageFromString('hello', 'Image 1')).toThrow('Image 1 is not an image string');
	expect(() => imageFromString('image/png;base64,***', 'Image 1')).toThrow('Image 1 has an invalid base64 payload');
});
