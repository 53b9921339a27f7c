import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { databaseLabel, resolveDbConfig, resolveOwnerDbConfig } from './config';

describe('resolveDbConfig (first match wins)', () => {
  it('defaults to PGlite in .data/pglite', () => {
    expect(resolveDbConfig({})).toEqual({ driver: 'pglite', dir: path.resolve('.data/pglite') });
    expect(resolveDbConfig({ PGLITE_DIR: '/tmp/x' })).toEqual({ driver: 'pglite', dir: '/tmp/x' });
    expect(resolveDbConfig({ PGLITE_DIR: ':memory:' })).toEqual({ driver: 'pglite', dir: null });
  });
  it('uses node-postgres when DATABASE_URL is set', () => {
    expect(resolveDbConfig({ DATABASE_URL: 'postgres://h/db' })).toEqual({ driver: 'pg', url: 'postgres://h/db' });
  });
  it('uses @vercel/postgres on Vercel, before DATABASE_URL', () => {
    expect(resolveDbConfig({ VERCEL: '1', POSTGRES_URL: 'postgres://v/db', DATABASE_URL: 'postgres://h/db' })).toEqual({ driver: 'vercel', url: 'postgres://v/db' });
  });
  it('lets DB_DRIVER override everything', () => {
    expect(resolveDbConfig({ DB_DRIVER: 'pglite', DATABASE_URL: 'postgres://h/db', VERCEL: '1', POSTGRES_URL: 'x' }).driver).toBe('pglite');
    expect(resolveDbConfig({ DB_DRIVER: 'pg', DATABASE_URL: 'postgres://h/db', VERCEL: '1', POSTGRES_URL: 'x' })).toEqual({ driver: 'pg', url: 'postgres://h/db' });
  });
  it('says what is missing', () => {
    expect(() => resolveDbConfig({ DB_DRIVER: 'mysql' })).toThrow(/pglite, pg or vercel/);
    expect(() => resolveDbConfig({ DB_DRIVER: 'pg' })).toThrow(/DATABASE_URL/);
    expect(() => resolveDbConfig({ VERCEL: '1' })).toThrow(/POSTGRES_URL/);
  });
  it('labels drivers as /api/health reports them', () => {
    expect([databaseLabel('pglite'), databaseLabel('pg'), databaseLabel('vercel')]).toEqual(['pglite', 'postgres', 'vercel-postgres']);
  });
});

describe('resolveOwnerDbConfig (migrations and the audit prune)', () => {
  it('connects as MIGRATION_DATABASE_URL with the app\'s driver', () => {
    const env = { DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'postgres://owner@h/db' };
    expect(resolveDbConfig(env)).toEqual({ driver: 'pg', url: 'postgres://app@h/db' });
    expect(resolveOwnerDbConfig(env)).toEqual({ driver: 'pg', url: 'postgres://owner@h/db' });
    expect(resolveOwnerDbConfig({ VERCEL: '1', POSTGRES_URL: 'postgres://app@v/db', MIGRATION_DATABASE_URL: 'postgres://owner@v/db' })).toEqual({ driver: 'vercel', url: 'postgres://owner@v/db' });
  });
  it('falls back to the app\'s connection; PGlite has one role', () => {
    expect(resolveOwnerDbConfig({ DATABASE_URL: 'postgres://h/db' })).toEqual({ driver: 'pg', url: 'postgres://h/db' });
    expect(resolveOwnerDbConfig({ DB_DRIVER: 'pglite', PGLITE_DIR: '/tmp/x', MIGRATION_DATABASE_URL: 'postgres://owner@h/db' })).toEqual({ driver: 'pglite', dir: '/tmp/x' });
  });
  it('names PostgreSQL on its own, before the app\'s DATABASE_URL exists', () => {
    expect(resolveOwnerDbConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@h/db' })).toEqual({ driver: 'pg', url: 'postgres://owner@h/db' });
  });
});
