/** The one input-validation helper: errors name the field, the limit and the actual length. */
import { charLength, checkField } from '../../nodes/shared/validation';

describe('checkField', () => {
	const content = { field: 'content', label: 'Content', maxLength: 1500, required: true };

	test('passes within the limit, counts characters not UTF-16 units', () => {
		expect(checkField(content, 'x'.repeat(1500))).toBeUndefined();
		expect(charLength('🦞🦞')).toBe(2);
		expect(checkField(content, '🦞'.repeat(1500))).toBeUndefined();
	});

	test('too long: names the field, the actual length and the limit', () => {
		expect(checkField(content, 'x'.repeat(1523))).toBe('Content (content) is too long: 1523 characters; the limit is 1500');
	});

	test('required and empty', () => {
		expect(checkField(content, '')).toBe('Content (content) is required');
		expect(checkField(content, '   ')).toBe('Content (content) is required');
		expect(checkField({ ...content, required: false }, undefined)).toBeUndefined();
	});

	test('minimum length after trimming', () => {
		expect(checkField({ field: 'content', label: 'Content', minLength: 1, trim: true }, '  a ')).toBeUndefined();
		expect(checkField({ field: 'category', label: 'Category', maxLength: 3, trim: true }, '  abcd  ')).toBe(
			'Category (category) is too long: 4 characters; the limit is 3',
		);
	});

	test('id patterns say what is allowed', () => {
		const rule = { field: 'agent_id', label: 'Agent ID', pattern: /^[A-Za-z0-9_]{3,32}$/, patternHint: '3–32 letters, digits or underscores' };
		expect(checkField(rule, 'Tom_2')).toBeUndefined();
		expect(checkField(rule, 'no spaces')).toBe('Agent ID (agent_id) is not valid: it must be 3–32 letters, digits or underscores; it is "no spaces" (9 characters)');
	});

	test('enums list the allowed values', () => {
		const rule = { field: 'platform', label: 'Platform', oneOf: ['x', 'linkedin'] };
		expect(checkField(rule, 'myspace')).toBe('Platform (platform) is "myspace"; it must be one of: x, linkedin');
	});

	test('arrays and numbers', () => {
		expect(checkField({ field: 'capabilities', label: 'Capabilities', maxItems: 20 }, new Array(21).fill('a'))).toBe(
			'Capabilities (capabilities) has 21 entries; the limit is 20',
		);
		expect(checkField({ field: 'limit', label: 'Limit', min: 1, max: 200 }, 201)).toBe('Limit (limit) is 201; the maximum is 200');
	});
});
