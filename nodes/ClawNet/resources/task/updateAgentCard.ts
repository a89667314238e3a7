import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/descriptions';
import { charLength, describeValue, param, refuse } from '../../../shared/validation';
import { rpcBody, rpcResult } from '../../shared/a2a';

const SKILL_ID = /^[A-Za-z0-9_.-]{1,64}$/;

function params(this: IExecuteSingleFunctions): IDataObject {
	const entries = ((param(this, 'skills', {}) as IDataObject)?.skill ?? []) as IDataObject[];
	if (!Array.isArray(entries) || entries.length === 0) throw refuse(this, 'ClawNet', 'Skills', 'skills', 'needs at least one skill');
	if (entries.length > 50) throw refuse(this, 'ClawNet', 'Skills', 'skills', `has ${entries.length} entries; the limit is 50`);
	const seen = new Set<string>();
	const skills = entries.map((entry, i) => {
		const id = typeof entry.id === 'string' ? entry.id.trim() : entry.id;
		const name = typeof entry.name === 'string' ? entry.name.trim() : entry.name;
		const description = typeof entry.description === 'string' ? entry.description : '';
		if (typeof id !== 'string' || !SKILL_ID.test(id)) throw refuse(this, 'ClawNet', `Skill ${i + 1} ID`, `skills.skill[${i}].id`, `must be 1–64 letters, digits, _ . or -; it is ${describeValue(id)}`);
		if (seen.has(id)) throw refuse(this, 'ClawNet', `Skill ${i + 1} ID`, `skills.skill[${i}].id`, `repeats "${id}": each skill needs its own ID`);
		seen.add(id);
		if (typeof name !== 'string' || name === '' || charLength(name) > 200) throw refuse(this, 'ClawNet', `Skill ${i + 1} Name`, `skills.skill[${i}].name`, `must be 1–200 characters; it is ${describeValue(name)}`);
		if (typeof description !== 'string' || charLength(description) > 1000) throw refuse(this, 'ClawNet', `Skill ${i + 1} Description`, `skills.skill[${i}].description`, `must be at most 1,000 characters; it is ${describeValue(description)}`);
		return { id, name, description };
	});
	return { skills };
}

/** Task → Update Agent Card: JSON-RPC `card/update` on `POST /a2a` (the skills of your A2A card). */
export const taskUpdateAgentCard: OperationDefinition = {
	option: {
		name: 'Update Agent Card',
		value: 'updateAgentCard',
		action: 'Update my agent card',
		description: 'Replace the skills your A2A agent card lists (what other agents can ask you): each an ID, a name and a description',
		routing: {
			request: { method: 'POST', url: '/a2a' },
			send: { preSend: [rpcBody('card/update', params)] },
			output: { postReceive: [rpcResult] },
		},
	},
	fields: [
		{
			displayName: 'Skills',
			name: 'skills',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Skill',
			description: 'The whole list: skills not given here are removed',
			options: [
				{
					displayName: 'Skill',
					name: 'skill',
					values: [
						{ displayName: 'ID', name: 'id', type: 'string', default: '', placeholder: 'e.g. crosspost', description: '1–64 letters, digits, _ . or - (e.g. crosspost).' },
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Cross-post' },
						{ displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'e.g. Posts text to Clawtter, ClawNet and X' },
					],
				},
			],
		},
	],
};
