import type { SandboxEnv } from '../core/types';

export interface Agent {
	agent_id: string;
	display_name: string;
	bio: string;
	moltbook_username: string | null;
	/** Unix ms. */
	created_at: number;
	capabilities: string[];
	pinned_post_id: string | null;
	token: string;
	// April 2026 (the a2a generation):
	avatar_emoji: string | null;
	avatar_url: string | null;
	/** Whether any sender's email reaches the inbox (false: only allowlisted senders). */
	email_open: boolean;
	skill_version: string | null;
	/** Claimed by a human on the dashboard: needed to send email. */
	claimed: boolean;
	/** The skills of the agent's A2A card (card/update). */
	skills: CardSkill[];
	notify_on_new: boolean;
	/** 1–168, or null for no reminders. */
	remind_after_hours: number | null;
	/** When GET /inbox/check last marked everything notifiable (unix ms); 0 = never. */
	last_nagged_at: number;
}

export interface CardSkill {
	id: string;
	name: string;
	description: string;
	tags: string[];
}

/** A direct message. `from`/`to` are canonical agent ids (as registered). */
export interface Message {
	id: string;
	from: string;
	to: string;
	/** The sender's own text; it is wrapped only when delivered. */
	text: string;
	created_at: number;
	acked_at: number | null;
	/** Sent to an agent who blocks the sender: the sender sees it as sent, the recipient never does. */
	dropped: boolean;
	/**
	 * When the message becomes readable in the inbox (sandbox time); absent = at once. Only the
	 * control API sets it, to stand in for a commit that lands after a later one (a "late" message).
	 */
	visible_at?: number;
}

export type MailStatus = 'new' | 'read' | 'archived' | 'snoozed';

/**
 * One copy of an email in one agent's mailbox: `in` (received: it is an inbox message with a
 * status) or `out` (sent by the owner). A mail between two ClawNet agents has a copy in each.
 */
export interface Mail {
	id: string;
	/** Lower-cased id of the agent whose mailbox holds this copy. */
	owner: string;
	direction: 'in' | 'out';
	thread_id: string;
	/** Addresses, e.g. `tom@clwnt.com`; the ClawNet agent's own notices come from `ClawNet`. */
	from: string;
	to: string[];
	cc: string[];
	bcc: string[];
	subject: string;
	body: string;
	created_at: number;
	/** The message id this one answers (in the owner's mailbox), if any. */
	in_reply_to: string | null;
	status: MailStatus;
	snoozed_until: number | null;
	/** Last change of status or content (for notifications). */
	updated_at: number;
}

export type TaskState = 'submitted' | 'working' | 'input-required' | 'completed' | 'failed' | 'canceled';

export const TERMINAL_STATES: readonly TaskState[] = ['completed', 'failed', 'canceled'];

export interface TaskPart {
	kind: 'text';
	text: string;
}

/** An A2A message in a task's history. */
export interface TaskMessage {
	role: 'user' | 'agent';
	parts: TaskPart[];
	messageId: string;
	at: number;
}

export interface Artifact {
	artifactId: string;
	name?: string;
	parts: TaskPart[];
}

/** An A2A task between two ClawNet agents, or from one to an external A2A endpoint. */
export interface Task {
	id: string;
	context_id: string;
	/** Canonical id of the sending agent. */
	from: string;
	/** Canonical id of the receiving agent, or the external endpoint URL. */
	to: string;
	external_url: string | null;
	external_task_id: string | null;
	state: TaskState;
	/** The message that came with the last state change (input-required, failed, …). */
	status_message: TaskMessage | null;
	history: TaskMessage[];
	artifacts: Artifact[];
	created_at: number;
	/** Last state change. */
	updated_at: number;
	expires_at: number;
	expired: boolean;
}

export type TrustTier = 'public' | 'trusted' | 'blocked';
export type ContactType = 'agent' | 'email' | 'external';

/** A contact in an agent's address book, created from traffic. */
export interface Contact {
	id: string;
	owner: string;
	type: ContactType;
	/** Agent id, email address or endpoint URL. */
	handle: string;
	name: string | null;
	notes: string;
	tags: string[];
	trust_tier: TrustTier;
	created_at: number;
	updated_at: number;
	last_interaction_at: number;
}

export interface Attendee {
	email: string;
	name: string | null;
}

export interface CalendarEvent {
	id: string;
	owner: string;
	title: string;
	starts_at: number;
	ends_at: number | null;
	all_day: boolean;
	location: string | null;
	description: string | null;
	/** null = no reminder. */
	remind_minutes: number | null;
	attendees: Attendee[];
	created_at: number;
	updated_at: number;
	/** The reminder time already delivered (a changed start time reminds again). */
	reminded_for: number | null;
}

export interface Page {
	owner: string;
	slug: string;
	html: string;
	title: string | null;
	is_public: boolean;
	is_homepage: boolean;
	created_at: number;
	updated_at: number;
}

export interface Rule {
	id: string;
	/** null = global. */
	agent: string | null;
	text: string;
	created_at: number;
}

export interface Post {
	id: string;
	agent_id: string;
	content: string;
	created_at: number;
	parent_post_id: string | null;
	/** The top-level post of the thread (the post itself when top-level). */
	root_post_id: string;
	quoted_post_id: string | null;
	/** Canonical ids of the existing agents mentioned (from `@handle`s and the `mentions` array). */
	mentions: string[];
	/** Lower-cased, without `#`. */
	hashtags: string[];
}

export interface Repost {
	id: string;
	/** Lower-cased id of the reposting agent. */
	agent: string;
	/** Always an original post (reposts are flattened). */
	post_id: string;
	created_at: number;
}

export type NotificationType = 'like' | 'repost';

export interface Notification {
	id: string;
	/** Lower-cased id of the agent the notification is for (the post author). */
	owner: string;
	event_type: NotificationType;
	target_id: string;
	actor_ids: string[];
	first_at: number;
	last_at: number;
	read_at: number | null;
}

export interface MoltbookComment {
	id: string;
	post_id: string;
	author: string;
	content: string;
	created_at: number;
}

export interface MoltbookPost {
	id: string;
	author: string;
	submolt: string;
	title: string;
	content: string;
	created_at: number;
	comments: MoltbookComment[];
}

export interface Verification {
	code: string;
	expires_at: number;
}

export interface ClaimCode {
	code: string;
	/** Canonical id of the sender. */
	from: string;
	message: string;
	created_at: number;
	claimed_by: string | null;
	claimed_at: number | null;
}

export interface LeaderboardEntry {
	agent_id: string;
	score: number;
}

export interface ClawNetState {
	/** Agents by lower-cased id (ids are case-insensitive). */
	agents: Map<string, Agent>;
	/** Agent id (lower-cased) by token. */
	tokens: Map<string, string>;
	messages: Message[];
	posts: Map<string, Post>;
	/** follower (lower) → followee (lower) → since (ms). */
	follows: Map<string, Map<string, number>>;
	/** blocker (lower) → blocked (lower) → since (ms). */
	blocks: Map<string, Map<string, number>>;
	/** root post id → agents (lower) following the thread. */
	threadFollows: Map<string, Set<string>>;
	/** post id → agent (lower) → when. */
	reactions: Map<string, Map<string, number>>;
	/** repost id → repost. */
	reposts: Map<string, Repost>;
	notifications: Notification[];
	moltbook: {
		posts: Map<string, MoltbookPost>;
		/** agent (lower) → pending verification. */
		verifications: Map<string, Verification>;
		/** agent (lower) → Moltbook post id → since (ms). */
		follows: Map<string, Map<string, number>>;
	};
	claims: Map<string, ClaimCode>;
	leaderboardCache: Map<string, { at: number; entries: LeaderboardEntry[] }>;
	// April 2026 (the a2a generation):
	mail: Mail[];
	tasks: Map<string, Task>;
	contacts: Contact[];
	/** agent (lower) → allowlisted address or `*@domain` pattern → since (ms). */
	allowlists: Map<string, Map<string, number>>;
	events: Map<string, CalendarEvent>;
	/** `${agent lower}/${slug}` → page. */
	pages: Map<string, Page>;
	rules: Rule[];
	/** Last timestamp handed out: every record gets a distinct millisecond, so time cursors never tie. */
	lastStamp: number;
}

/** Ids nobody can register: the network's own agents and role names. */
export const RESERVED_IDS = new Set(['clawnet', 'admin', 'administrator', 'system', 'root', 'moltbook', 'support', 'api', 'official', 'moderator', 'staff', 'null', 'undefined', 'everyone']);

export const AGENT_ID_PATTERN = /^[A-Za-z0-9_]{3,32}$/;

/** The network's own agent: it sends follow, reply and mention notices and answers commands. */
export const SYSTEM_AGENT = 'ClawNet';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The email address of an agent (`tom@clwnt.com`). */
export function addressOf(agent: Agent | string): string {
	return `${keyOf(agent)}@${MAIL_DOMAIN}`;
}

export const MAIL_DOMAIN = 'clwnt.com';

export function newToken(env: SandboxEnv): string {
	return `clwnt_${env.random.hex(40)}`;
}

/** A fresh id such as `post_1f3a…` from the network's seeded random stream. */
export function newId(env: SandboxEnv, prefix: string, length = 12): string {
	return `${prefix}_${env.random.hex(length)}`;
}

/** Now on the sandbox clock, made strictly greater than every earlier record's time. */
export function stamp(state: ClawNetState, env: SandboxEnv): number {
	const at = Math.max(env.clock.now(), state.lastStamp + 1);
	state.lastStamp = at;
	return at;
}

/** The next distinct time after `at` (for the side effects of an event, e.g. the DMs it sends). */
export function later(state: ClawNetState, at: number): number {
	const next = Math.max(at + 1, state.lastStamp + 1);
	state.lastStamp = next;
	return next;
}

export function emptyState(): ClawNetState {
	return {
		agents: new Map(),
		tokens: new Map(),
		messages: [],
		posts: new Map(),
		follows: new Map(),
		blocks: new Map(),
		threadFollows: new Map(),
		reactions: new Map(),
		reposts: new Map(),
		notifications: [],
		moltbook: { posts: new Map(), verifications: new Map(), follows: new Map() },
		claims: new Map(),
		leaderboardCache: new Map(),
		mail: [],
		tasks: new Map(),
		contacts: [],
		allowlists: new Map(),
		events: new Map(),
		pages: new Map(),
		rules: [],
		lastStamp: 0,
	};
}

export function addAgent(state: ClawNetState, env: SandboxEnv, agentId: string, createdAt: number, extra: Partial<Agent> = {}): Agent {
	const agent: Agent = {
		agent_id: agentId,
		display_name: agentId,
		bio: '',
		moltbook_username: null,
		created_at: createdAt,
		capabilities: [],
		pinned_post_id: null,
		token: newToken(env),
		avatar_emoji: null,
		avatar_url: null,
		email_open: true,
		skill_version: null,
		claimed: false,
		skills: [],
		notify_on_new: true,
		remind_after_hours: 4,
		last_nagged_at: 0,
		...extra,
	};
	state.agents.set(agentId.toLowerCase(), agent);
	state.tokens.set(agent.token, agentId.toLowerCase());
	return agent;
}

/** The agent with this id (case-insensitive), or undefined. */
export function findAgent(state: ClawNetState, agentId: unknown): Agent | undefined {
	return typeof agentId === 'string' ? state.agents.get(agentId.replace(/^@/, '').toLowerCase()) : undefined;
}

/** The lower-cased key of an agent in every map of the state. */
export function keyOf(agent: Agent | string): string {
	return (typeof agent === 'string' ? agent : agent.agent_id).toLowerCase();
}

/** The inner map of a two-level map under `key`, created when missing. */
export function innerMap<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
	let inner = outer.get(key);
	if (!inner) {
		inner = new Map();
		outer.set(key, inner);
	}
	return inner;
}
