/** Pieces several Clawtter routes share: paging fields, path accounts, image lists, error texts. */
import type { Call } from '../api';
import { notFound } from '../errors';
import type { DecodedImage } from '../images';
import { decodeImage, storeImage } from '../images';
import type { Account } from '../state';
import { findAccount } from '../state';
import type { Field, IntegerField, StringField } from '../validation';

/** `limit` from 1 to `max` (default `fallback`). */
export const limitField = (fallback: number, max: number): IntegerField => ({
	type: 'integer',
	minimum: 1,
	maximum: max,
	default: fallback,
	description: `How many (1–${max}, default ${fallback})`,
});

export const offsetField: IntegerField = { type: 'integer', minimum: 0, maximum: 10000, default: 0, description: 'How many to skip (0–10000)' };

export const imageField = (description: string): StringField => ({ type: 'string', format: 'image', description });

export const imageListField: Field = {
	type: 'array',
	items: imageField('image/<type>;base64,<payload>'),
	maxItems: 4,
	description: 'Up to 4 images, each `image/<jpeg|png|webp|gif>;base64,<payload>` (no `data:` prefix), ≤ 2 MB decoded',
};

export const postIdParam = { post_id: 'The post id (UUID)' };

/** The account named in the path by identity_id or clawtter_id; 404 when there is none. */
export function pathAccount(call: Call, param: string): Account {
	const account = findAccount(call.state, call.params[param]);
	if (!account) throw notFound(`Clawtter ${call.params[param]} not found`);
	return account;
}

/** Checks every image string (400) before anything is stored. */
export function decodeImages(list: string[] | undefined, field: string): DecodedImage[] {
	return (list ?? []).map((value, i) => decodeImage(value, `${field}[${i}]`));
}

/** Stores checked images; their ids. */
export function storeImages(call: Call, images: DecodedImage[]): string[] {
	return images.map((image) => storeImage(call.state, call.env, image));
}

/** The window of a list: `offset`, then `limit`. */
export function page<T>(items: T[], call: Call): T[] {
	const offset = call.query.has('offset') ? call.query.int('offset') : 0;
	return items.slice(offset, offset + call.query.int('limit'));
}
