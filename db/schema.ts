// The whole product's schema. One schema for PGlite, PostgreSQL and Vercel/Neon:
// only portable types (no extensions), and every large table keyed so it can be
// distributed by department on Citus (provider/department first in its key).
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  pgSequence,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: text('level').notNull().default('province'), // province | city | county
  // The peer group it is compared with (docs/scoring.md, "Peer groups"); null: by level (省直部门 / 市 / 县).
  peerGroup: text('peer_group'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash'),
    role: text('role').notNull(), // admin | leader | assessor | department | auditor | security
    departmentCode: text('department_code').references(() => departments.code),
    active: boolean('active').notNull().default(true),
    lockedUntil: ts('locked_until'),
    oidcSubject: text('oidc_subject'),
    // Set by the security officer: the next single sign-on whose preferred_username is this
    // username may link its subject once (lib/auth/oidc.ts); cleared when it does.
    oidcLinkAllowed: boolean('oidc_link_allowed').notNull().default(false),
    passwordChangedAt: ts('password_changed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

// Signed-in sessions, server-side: the session cookie carries only the id, and every read
// checks the row is live, so ending a row (sign-out, password, role or department change,
// disabling, or by hand) ends the session at once (lib/auth/sessions.ts).
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // random, 32 bytes base64url
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(), // the idle timeout runs from here
    endedAt: ts('ended_at'),
    endReason: text('end_reason'), // signout | idle | expired | password | role | disabled | ended_by_user | ended_by_security
    endedBy: text('ended_by'), // actor id (user:3, cli) when ended by someone
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_live').on(t.userId).where(sql`ended_at is null`)],
);

// The TOTP second factor (lib/auth/totp.ts): one per user. Secrets are sealed with AES-256-GCM
// under a key derived from AUTH_SECRET. `secret` is the active factor (null while only a new one
// is pending confirmation); `last_step` is the last time step accepted, so a code is never
// accepted twice.
export const userTotp = pgTable('user_totp', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret'),
  lastStep: bigint('last_step', { mode: 'number' }),
  enrolledAt: ts('enrolled_at'),
  pendingSecret: text('pending_secret'),
  pendingAt: ts('pending_at'),
});

// One-time recovery codes for the second factor, stored as SHA-256 of user id and code.
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash').on(t.userId, t.codeHash)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: createdAt(),
  },
  (t) => [index('login_attempts_username_at').on(t.username, t.at), index('login_attempts_ip_at').on(t.ip, t.at)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(), // sha256 hex of the secret; the secret itself is never stored
    prefix: text('prefix').notNull(), // first characters, to recognise a token in lists
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    departmentCode: text('department_code').references(() => departments.code),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

export const schemes = pgTable('schemes', {
  id: serial('id').primaryKey(),
  version: integer('version').notNull().unique(),
  name: text('name').notNull(),
  body: jsonb('body').notNull(),
  hash: text('hash').notNull(),
  reason: text('reason'),
  // Open periods starting on or after this day use this version (null: from the start).
  effectiveFrom: date('effective_from', { mode: 'string' }),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

export const periods = pgTable('periods', {
  code: text('code').primaryKey(), // 2026-10 | 2026-Q4 | 2026
  kind: text('kind').$type<'month' | 'quarter' | 'year'>().notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  status: text('status').$type<'open' | 'published' | 'finalized'>().notNull().default('open'),
  publishedAt: ts('published_at'),
  appealDeadline: ts('appeal_deadline'),
  finalizedAt: ts('finalized_at'),
  finalizedBy: text('finalized_by'),
  snapshotHash: text('snapshot_hash'),
  schemeId: integer('scheme_id').references(() => schemes.id),
});

// Public holidays and make-up workdays, for appeal deadlines in working days.
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  name: text('name'),
});

export const ingestBatches = pgTable(
  'ingest_batches',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(), // metrics | events
    actor: text('actor').notNull(), // user:<id> | token:<id> | cli
    idempotencyKey: text('idempotency_key'),
    bodyHash: text('body_hash').notNull(),
    status: text('status').notNull(), // accepted | rejected
    statusCode: integer('status_code').notNull(),
    rows: integer('rows').notNull().default(0),
    periods: jsonb('periods').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ingest_batches_idempotency_key').on(t.actor, t.idempotencyKey),
    index('ingest_batches_created_at').on(t.createdAt),
  ],
);

// Reported metric values. A replaced value is kept: it gets superseded_at, and the
// partial unique index allows one current value per (department, month, indicator).
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    departmentCode: text('department_code').notNull(),
    period: text('period').notNull(), // a month: 2026-10
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    batchId: text('batch_id'),
    createdAt: createdAt(),
    supersededAt: ts('superseded_at'),
  },
  (t) => [
    uniqueIndex('indicator_values_current')
      .on(t.departmentCode, t.period, t.indicator)
      .where(sql`superseded_at is null`),
    index('indicator_values_period').on(t.period, t.indicator),
  ],
);

// The exchange platform's log, aggregated per day and pair. Keyed provider-first:
// the events indicators aggregate by provider, and Citus would distribute on it.
export const sharingEvents = pgTable(
  'sharing_events',
  {
    provider: text('provider').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    consumer: text('consumer').notNull(),
    resource: text('resource').notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
    records: bigint('records', { mode: 'number' }).notNull().default(0),
    failures: bigint('failures', { mode: 'number' }).notNull().default(0),
    batchId: text('batch_id'),
  },
  (t) => [
    primaryKey({ name: 'sharing_events_pkey', columns: [t.provider, t.day, t.consumer, t.resource] }),
    index('sharing_events_day').on(t.day),
    // A catalog resource's calls in a period (resource_utilization_rate, db/queries/ledger-indicators.ts): one probe per resource.
    index('sharing_events_resource').on(t.provider, t.resource, t.day),
  ],
);

// Event values a later batch replaced (a correction re-sends the same key): the
// earlier row as it was, which batch wrote it and which batch replaced it.
export const sharingEventHistory = pgTable(
  'sharing_event_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    consumer: text('consumer').notNull(),
    resource: text('resource').notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
    records: bigint('records', { mode: 'number' }).notNull(),
    failures: bigint('failures', { mode: 'number' }).notNull(),
    batchId: text('batch_id'),
    supersededAt: ts('superseded_at').notNull().defaultNow(),
    supersededBy: text('superseded_by').notNull(),
  },
  (t) => [index('sharing_event_history_key').on(t.provider, t.day, t.consumer, t.resource)],
);

export const incidents = pgTable(
  'incidents',
  {
    id: serial('id').primaryKey(),
    departmentCode: text('department_code').notNull().references(() => departments.code),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'security' | 'quality'>().notNull(),
    points: doublePrecision('points').notNull(),
    description: text('description').notNull(),
    // none → requested → granted | denied (容错免责)
    exemptionStatus: text('exemption_status').$type<'none' | 'requested' | 'granted' | 'denied'>().notNull().default('none'),
    exemptionRequest: text('exemption_request'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('incidents_department_day').on(t.departmentCode, t.occurredOn)],
);

export const appeals = pgTable(
  'appeals',
  {
    id: serial('id').primaryKey(),
    period: text('period').notNull().references(() => periods.code),
    departmentCode: text('department_code').notNull().references(() => departments.code),
    indicator: text('indicator'), // null: an appeal on the total
    // A disputed ledger row (条例 art. 28): when upheld, scoring counts the row as on time.
    ledgerKind: text('ledger_kind').$type<'request' | 'objection'>(),
    ledgerId: text('ledger_id'),
    // A contested integrity flag kind (docs/scoring.md "Integrity").
    flag: text('flag'),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    status: text('status').$type<'open' | 'accepted' | 'rejected'>().notNull().default('open'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('appeals_period_department').on(t.period, t.departmentCode)],
);

// The sharing ledgers (docs/ingest.md "Ledgers", docs/scoring.md "Ledger indicators").
// Written by the exchange platform (unbound tokens with ledger:write, or the CLI); a
// department's own rating or objection is stored as a consumer submission (`source`).

// Every version of every catalog resource. A row for an existing resource supersedes its
// current version; the catalog on day D is, per resource, its latest version with
// updated_on <= D (superseded or not).
export const catalogVersions = pgTable(
  'catalog_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    resource: text('resource').notNull(),
    provider: text('provider').notNull(),
    name: text('name').notNull(),
    shareType: text('share_type').$type<'unconditional' | 'conditional' | 'none'>().notNull(),
    legalBasis: text('legal_basis'),
    updateCycle: text('update_cycle').$type<'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly'>().notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    updatedOn: date('updated_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'active' | 'withdrawn'>().notNull(),
    batchId: text('batch_id'),
    createdAt: createdAt(),
    supersededAt: ts('superseded_at'),
  },
  (t) => [
    uniqueIndex('catalog_versions_current').on(t.resource).where(sql`superseded_at is null`),
    index('catalog_versions_provider').on(t.provider, t.resource, t.updatedOn),
    // A resource's versions newest first: the catalog as it stood on a day, for one department's resources (its ledger lines).
    index('catalog_versions_resource').on(t.resource, t.updatedOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

// Sharing requests (共享申请), current state. Due days are Beijing dates computed at write
// time from the working-day calendar (lib/ledgers/clocks.ts) and recomputed when the
// calendar changes; a row's earlier states are in ledger_history.
export const sharingRequests = pgTable(
  'sharing_requests',
  {
    request: text('request').primaryKey(),
    consumer: text('consumer').notNull(),
    provider: text('provider').notNull(),
    resource: text('resource'), // null: a need not yet in the catalog
    purpose: text('purpose').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    repliedAt: ts('replied_at'),
    decision: text('decision').$type<'pending' | 'approved' | 'conditional' | 'refused'>().notNull(),
    reason: text('reason'),
    deliveredAt: ts('delivered_at'),
    rating: integer('rating'),
    ratingSource: text('rating_source').$type<'platform' | 'consumer'>(),
    replyDueOn: date('reply_due_on', { mode: 'string' }).notNull(),
    deliveryDueOn: date('delivery_due_on', { mode: 'string' }), // set once an approving reply exists
    batchId: text('batch_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sharing_requests_provider').on(t.provider, t.replyDueOn),
    index('sharing_requests_consumer').on(t.consumer),
    index('sharing_requests_delivery_due').on(t.deliveryDueOn),
  ],
);

// Data objections (数据异议), current state.
export const dataObjections = pgTable(
  'data_objections',
  {
    objection: text('objection').primaryKey(),
    consumer: text('consumer').notNull(),
    provider: text('provider').notNull(),
    resource: text('resource').notNull(),
    kind: text('kind').$type<'accuracy' | 'completeness' | 'timeliness' | 'other'>().notNull(),
    submittedAt: ts('submitted_at').notNull(),
    resolvedAt: ts('resolved_at'),
    outcome: text('outcome').$type<'pending' | 'corrected' | 'rejected'>().notNull(),
    note: text('note'),
    source: text('source').$type<'platform' | 'consumer'>().notNull().default('platform'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    batchId: text('batch_id'),
    createdBy: text('created_by'), // a consumer submission: who filed it
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('data_objections_provider').on(t.provider, t.dueOn), index('data_objections_consumer').on(t.consumer)],
);

// Earlier states of requests and objections: the row as it was, which batch wrote it and
// which batch (or user) replaced it. A platform row is never lost.
export const ledgerHistory = pgTable(
  'ledger_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ledger: text('ledger').$type<'request' | 'objection'>().notNull(),
    itemId: text('item_id').notNull(),
    row: jsonb('row').notNull(),
    supersededAt: ts('superseded_at').notNull().defaultNow(),
    supersededBy: text('superseded_by').notNull(),
  },
  (t) => [index('ledger_history_item').on(t.ledger, t.itemId)],
);

// Calls of a (provider, consumer) pair set aside for a period by the admin after an
// integrity flag (docs/scoring.md "Integrity"): audited, reversible, shown to the department.
export const integritySetAsides = pgTable(
  'integrity_set_asides',
  {
    id: serial('id').primaryKey(),
    period: text('period').notNull().references(() => periods.code),
    provider: text('provider').notNull(),
    consumer: text('consumer').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('integrity_set_asides_active').on(t.period, t.provider, t.consumer).where(sql`revoked_at is null`),
  ],
);

// A period's data generation: every write that can change its scores raises it (from one
// sequence, so the highest value anywhere tells whether anything changed). Scores are fresh
// when they were computed from the period's current generation (lib/scores/freshness.ts).
export const scoreGeneration = pgSequence('score_generation');
export const scoreGenerations = pgTable('score_generations', {
  period: text('period').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull(),
});

// Cached scores of a period: one header row and one row per department, so a
// ranking page reads one page of rows instead of parsing the whole result.
export const periodScores = pgTable('period_scores', {
  period: text('period').primaryKey(),
  schemeId: integer('scheme_id').notNull(),
  inputHash: text('input_hash').notNull(),
  // The data generation these scores were computed from.
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  computedAt: ts('computed_at').notNull(),
  summary: jsonb('summary').notNull(), // weights, methodology, scheme hash, counts
});

// A period's integrity flags (docs/scoring.md "Integrity"), stored by the recompute with its
// scores (lib/scores/recompute.ts) so no reader computes them: one header per period (which
// data generation and when; none = never computed) and the flags in their display order.
// A finalized period's are written at finalization and never replaced, like its scores.
export const integrityFlagSets = pgTable('integrity_flag_sets', {
  period: text('period').primaryKey(),
  // The highest data generation of the period and of the months its flags read (lib/integrity/stored.ts).
  generation: bigint('generation', { mode: 'number' }).notNull(),
  computedAt: ts('computed_at').notNull(),
  flags: integer('flags').notNull(),
});

export const integrityFlags = pgTable(
  'integrity_flags',
  {
    period: text('period').notNull(),
    department: text('department').notNull(),
    // The flag's place in the period's list (most severe first, lib/integrity/service.ts).
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    evidence: jsonb('evidence').notNull(),
  },
  (t) => [primaryKey({ name: 'integrity_flags_pkey', columns: [t.period, t.department, t.position] })],
);

// Per month, each (provider, consumer) pair's calls and days of use, and each provider's
// calls (from other departments), as the pair and call-spike flags read them
// (db/queries/integrity.ts): summed once per month and data generation instead of from every
// event of the period and its history in every recompute. A month's sums are reused while its
// generation (score_generations) is the one they were summed from.
export const integrityMonthlyCallSets = pgTable('integrity_monthly_call_sets', {
  month: text('month').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull(),
});

export const integrityMonthlyCalls = pgTable(
  'integrity_monthly_calls',
  {
    provider: text('provider').notNull(),
    month: text('month').notNull(),
    calls: doublePrecision('calls').notNull(),
  },
  // Month first: every reader and the re-sum's delete select months (migration 0012).
  (t) => [primaryKey({ name: 'integrity_monthly_calls_pkey', columns: [t.month, t.provider] })],
);

export const integrityMonthlyPairs = pgTable(
  'integrity_monthly_pairs',
  {
    provider: text('provider').notNull(),
    consumer: text('consumer').notNull(),
    month: text('month').notNull(),
    calls: doublePrecision('calls').notNull(),
    // Days of the month on which the pair's calls were > 0.
    daysUsed: integer('days_used').notNull(),
  },
  // Month first: the re-sum's delete is an index range and its inserts (in key order) stay together (migration 0012).
  (t) => [primaryKey({ name: 'integrity_monthly_pairs_pkey', columns: [t.month, t.provider, t.consumer] })],
);

export const departmentScores = pgTable(
  'department_scores',
  {
    period: text('period').notNull(),
    departmentCode: text('department_code').notNull(),
    rank: integer('rank').notNull(),
    total: doublePrecision('total').notNull(),
    tier: text('tier').notNull(),
    detail: jsonb('detail').notNull(), // the engine's DepartmentResult
  },
  (t) => [
    primaryKey({ name: 'department_scores_pkey', columns: [t.period, t.departmentCode] }),
    index('department_scores_period_rank').on(t.period, t.rank),
  ],
);

// A finalized period's frozen inputs and result; `hash` is sha256 of the canonical snapshot.
export const snapshots = pgTable('snapshots', {
  period: text('period').primaryKey(),
  schemeId: integer('scheme_id').notNull(),
  scheme: jsonb('scheme').notNull(),
  inputs: jsonb('inputs').notNull(),
  result: jsonb('result').notNull(),
  hash: text('hash').notNull(),
  // The scoring engine version that made `result` (lib/scoring/engine-version.ts); rows from before the column: 1.
  engineVersion: integer('engine_version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

// Append-only, hash-chained. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actor: text('actor').notNull(),
    actorType: text('actor_type').notNull(), // user | token | cli | system | anonymous
    role: text('role'),
    action: text('action').notNull(),
    target: text('target'),
    outcome: text('outcome').notNull(), // success | failure
    ip: text('ip'),
    payload: text('payload').notNull(), // the exact canonical JSON text that was hashed
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_actor').on(t.actor), index('audit_log_action').on(t.action)],
);

// Signed checkpoints of the audit chain's head (lib/audit/checkpoint.ts). The MAC's key
// is not in the database, so whoever can write here cannot forge one; the app's role
// may only INSERT and SELECT (db/migrations: runtime role grants).
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  entryCount: bigint('entry_count', { mode: 'number' }).notNull(), // entries in the chain at `at`
  headId: bigint('head_id', { mode: 'number' }).notNull(), // the newest entry's id (0: empty chain)
  headHash: text('head_hash').notNull(),
  mac: text('mac').notNull(),
});

// Row types, one pair per table: what a select returns, what an insert takes.
export type DepartmentRow = typeof departments.$inferSelect;
export type NewDepartmentRow = typeof departments.$inferInsert;
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type NewSessionRow = typeof sessions.$inferInsert;
export type UserTotpRow = typeof userTotp.$inferSelect;
export type NewUserTotpRow = typeof userTotp.$inferInsert;
export type RecoveryCodeRow = typeof recoveryCodes.$inferSelect;
export type NewRecoveryCodeRow = typeof recoveryCodes.$inferInsert;
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
export type NewLoginAttemptRow = typeof loginAttempts.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type NewApiTokenRow = typeof apiTokens.$inferInsert;
export type SchemeRow = typeof schemes.$inferSelect;
export type NewSchemeRow = typeof schemes.$inferInsert;
export type PeriodRow = typeof periods.$inferSelect;
export type NewPeriodRow = typeof periods.$inferInsert;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type NewCalendarDayRow = typeof calendarDays.$inferInsert;
export type IngestBatchRow = typeof ingestBatches.$inferSelect;
export type NewIngestBatchRow = typeof ingestBatches.$inferInsert;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
export type NewIndicatorValueRow = typeof indicatorValues.$inferInsert;
export type SharingEventRow = typeof sharingEvents.$inferSelect;
export type NewSharingEventRow = typeof sharingEvents.$inferInsert;
export type SharingEventHistoryRow = typeof sharingEventHistory.$inferSelect;
export type NewSharingEventHistoryRow = typeof sharingEventHistory.$inferInsert;
export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncidentRow = typeof incidents.$inferInsert;
export type AppealRow = typeof appeals.$inferSelect;
export type NewAppealRow = typeof appeals.$inferInsert;
export type ScoreGenerationRow = typeof scoreGenerations.$inferSelect;
export type NewScoreGenerationRow = typeof scoreGenerations.$inferInsert;
export type PeriodScoreRow = typeof periodScores.$inferSelect;
export type NewPeriodScoreRow = typeof periodScores.$inferInsert;
export type DepartmentScoreRow = typeof departmentScores.$inferSelect;
export type NewDepartmentScoreRow = typeof departmentScores.$inferInsert;
export type SnapshotRow = typeof snapshots.$inferSelect;
export type NewSnapshotRow = typeof snapshots.$inferInsert;
export type CatalogVersionRow = typeof catalogVersions.$inferSelect;
export type NewCatalogVersionRow = typeof catalogVersions.$inferInsert;
export type SharingRequestRow = typeof sharingRequests.$inferSelect;
export type NewSharingRequestRow = typeof sharingRequests.$inferInsert;
export type DataObjectionRow = typeof dataObjections.$inferSelect;
export type NewDataObjectionRow = typeof dataObjections.$inferInsert;
export type LedgerHistoryRow = typeof ledgerHistory.$inferSelect;
export type NewLedgerHistoryRow = typeof ledgerHistory.$inferInsert;
export type IntegritySetAsideRow = typeof integritySetAsides.$inferSelect;
export type NewIntegritySetAsideRow = typeof integritySetAsides.$inferInsert;
export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;
export type NewAuditCheckpointRow = typeof auditCheckpoints.$inferInsert;
