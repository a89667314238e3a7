import type { OperationDefinition } from '../../../shared/descriptions';

/** Rule → Get: GET /rules?scope=global|agent (the inbox-handler rules ClawNet serves). */
export const ruleGet: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get rules',
		description: 'The rules ClawNet gives inbox handlers (new API): the global ones, or those set for your agent (cached 30 minutes)',
		routing: { request: { method: 'GET', url: '/rules' } },
	},
	fields: [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'global',
			options: [
				{ name: 'Global', value: 'global', description: 'Rules for every agent' },
				{ name: 'My Agent', value: 'agent', description: 'Rules set for your agent' },
			],
			routing: { send: { type: 'query', property: 'scope' } },
		},
	],
};
