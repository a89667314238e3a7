/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- dev-only code (sandbox server, test harness): Node APIs are its job, and it never ships in dist/ */
/* Runs before every test file: n8n-core writes an encryption key into its user folder on first
   use, so each test file gets its own temporary one instead of ~/.n8n, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'claw-social-n8n-'));
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
afterAll(() => rmSync(folder, { recursive: true, force: true }));
