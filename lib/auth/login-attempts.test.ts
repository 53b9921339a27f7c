import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/db';
import type { Database } from '../../db/types';
import { CLI } from './principal';
import { pruneLoginAttempts } from './login-attempts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const attempt = (username: string, success: boolean, daysAgo: number) =>
  database.query('insert into login_attempts (username, ip, success, created_at) values ($1, $2, $3, $4)', [username, '10.0.0.1', success, new Date(NOW - daysAgo * DAY)]);
const remaining = async () =>
  (await database.query<{ username: string; success: boolean; days: number }>(
    `select username, success, round(extract(epoch from ($1::timestamptz - created_at)) / 86400)::int as days from login_attempts order by username, created_at`,
    [new Date(NOW)],
  )).map((r) => `${r.username}:${r.success ? 'ok' : 'fail'}:${r.days}`);

describe('pruneLoginAttempts', () => {
  it('drops old attempts but keeps each account’s latest successful sign-in, and audits it', async () => {
    await attempt('zhang', true, 400);
    await attempt('zhang', false, 300);
    await attempt('zhang', true, 200); // zhang's latest success, old but kept
    await attempt('zhang', false, 190);
    await attempt('li', true, 5); // recent: untouched
    await attempt('li', true, 250); // an older success of li's: li has a newer one
    await attempt('bot-guess', false, 220);
    await attempt('bot-guess', false, 1);

    const deleted = await pruneLoginAttempts(database, CLI, new Date(NOW - 180 * DAY), NOW);

    expect(deleted).toBe(5);
    expect(await remaining()).toEqual(['bot-guess:fail:1', 'li:ok:5', 'zhang:ok:200']);
    const [entry] = await database.query<{ action: string; payload: string }>(`select action, payload from audit_log where action = 'auth.attempts.prune'`);
    expect(JSON.parse(entry.payload)).toEqual({ before: new Date(NOW - 180 * DAY).toISOString(), deleted: 5 });
  });

  it('refuses to prune the last 30 days, which lockout and throttling read', async () => {
    await expect(pruneLoginAttempts(database, CLI, new Date(NOW - 29 * DAY), NOW)).rejects.toThrow(/30 days/);
  });
});
