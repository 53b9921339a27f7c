// The period state machine (open → published → finalized, every illegal transition
// refused) and working-day appeal deadlines, on the configured database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './support/db';
import { setDatabase } from '@/db/client';
import type { Database } from '@/db/types';
import { ApiError } from '@/lib/http/errors';
import { addWorkingDays, appealDeadline, calendarFrom, EMPTY_CALENDAR, isWorkingDay, workingDaysBetween } from '@/lib/periods/calendar';
import { ensureDefaultCalendar, loadWorkCalendar, removeCalendarDay, setCalendarDay } from '@/lib/periods/calendar-service';
import { DEFAULT_CALENDAR_DAYS } from '@/lib/periods/holidays-cn';
import { requirePeriod } from '@/lib/periods/rows';
import { finalizePeriod, publishPeriod, withdrawPeriod } from '@/lib/assessment/service';
import { ADMIN, ASSESSOR, at, departmentUser, seedCycleProvince } from '@/lib/periods/test-support';
import { allowedActions, canTransition, nextStatus, PERIOD_ACTIONS, PERIOD_STATUSES } from '@/lib/periods/workflow';
import periodCommand from '@/scripts/commands/period';
import { CheckFailed, UsageError } from '@/scripts/commands/_shared';

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  await seedCycleProvince(database);
});
afterAll(async () => {
  setDatabase(undefined);
  await database.close();
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('the state machine (pure)', () => {
  it('allows exactly publish from open, withdraw and finalize from published, nothing from finalized', () => {
    const legal = new Set(['open:publish', 'published:withdraw', 'published:finalize']);
    for (const status of PERIOD_STATUSES) {
      for (const action of PERIOD_ACTIONS) {
        const key = `${status}:${action}`;
        expect(canTransition(status, action), key).toBe(legal.has(key));
        if (legal.has(key)) expect(() => nextStatus(status, action)).not.toThrow();
        else expect(() => nextStatus(status, action), key).toThrow();
      }
    }
    expect(nextStatus('open', 'publish')).toBe('published');
    expect(nextStatus('published', 'finalize')).toBe('finalized');
    expect(nextStatus('published', 'withdraw')).toBe('open');
    expect(allowedActions('finalized')).toEqual([]);
    expect(() => nextStatus('bogus', 'publish')).toThrow();
  });
});

describe('working days (pure)', () => {
  const calendar = calendarFrom(DEFAULT_CALENDAR_DAYS);

  it('skips weekends', () => {
    // Friday 2026-03-06 + 5 working days = Friday 2026-03-13.
    expect(addWorkingDays('2026-03-06', 5, EMPTY_CALENDAR)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-07', 1, EMPTY_CALENDAR)).toBe('2026-03-09'); // from a Saturday
    expect(workingDaysBetween('2026-03-06', '2026-03-13', EMPTY_CALENDAR)).toBe(5);
    expect(addWorkingDays('2026-03-06', 0, EMPTY_CALENDAR)).toBe('2026-03-06');
  });

  it('skips public holidays and counts make-up workdays across weekends (National Day 2026)', () => {
    // Tue 2026-09-29: 9-30 (1); 10-01…10-07 holiday; 10-08 (2), 10-09 (3), Sat 10-10 make-up (4); Sun 10-11 off; Mon 10-12 (5).
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false);
    expect(addWorkingDays('2026-09-29', 5, calendar)).toBe('2026-10-12');
    // Without the calendar the same five days end on Tue 10-06.
    expect(addWorkingDays('2026-09-29', 5, EMPTY_CALENDAR)).toBe('2026-10-06');
    // A make-up Sunday (2026-09-20) counts: Fri 9-18 + 1 = Sun 9-20.
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20');
  });

  it('spans the Spring Festival 2026 (9 days off, two make-up Saturdays)', () => {
    // Fri 2026-02-13: Sat 2-14 make-up (1); 2-15…2-23 holiday; 2-24 (2), 2-25 (3), 2-26 (4), 2-27 (5).
    expect(addWorkingDays('2026-02-13', 5, calendar)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6, calendar)).toBe('2026-02-28'); // Sat 2-28 is a make-up workday
  });

  it('ends the deadline at 23:59:59.999 Beijing time of the last working day, counted from the Beijing day of publication', () => {
    // 2026-09-29 23:30 Beijing is still the 29th there (15:30Z).
    expect(appealDeadline(at('2026-09-29 23:30'), 5, calendar).toISOString()).toBe('2026-10-12T15:59:59.999Z');
    // 2026-09-30 00:30 Beijing is 2026-09-29T16:30Z, but already the 30th in Beijing: one day later.
    expect(appealDeadline(at('2026-09-30 00:30'), 5, calendar).toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('ships every 2025 and 2026 holiday run and make-up workday from the State Council notices', () => {
    const holidays = DEFAULT_CALENDAR_DAYS.filter((d) => d.kind === 'holiday');
    const workdays = DEFAULT_CALENDAR_DAYS.filter((d) => d.kind === 'workday').map((d) => d.day);
    expect(holidays.filter((d) => d.day.startsWith('2025')).length).toBe(1 + 8 + 3 + 5 + 3 + 8);
    expect(holidays.filter((d) => d.day.startsWith('2026')).length).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('the calendar in the database', () => {
  it('inserts the default list on first use only, and admins can change it (audited)', async () => {
    expect(await ensureDefaultCalendar(database)).toBe(DEFAULT_CALENDAR_DAYS.length);
    expect(await ensureDefaultCalendar(database)).toBe(0);
    await setCalendarDay(database, { principal: ADMIN }, { day: '2026-03-09', kind: 'holiday', name: '测试假日' });
    expect(isWorkingDay('2026-03-09', await loadWorkCalendar(database))).toBe(false);
    expect(await removeCalendarDay(database, { principal: ADMIN }, '2026-03-09')).toBe(true);
    expect(isWorkingDay('2026-03-09', await loadWorkCalendar(database))).toBe(true);
    await expect(setCalendarDay(database, { principal: ASSESSOR }, { day: '2026-03-09', kind: 'holiday' })).rejects.toMatchObject({ status: 403 });
    await expect(setCalendarDay(database, { principal: ADMIN }, { day: '2026-02-30', kind: 'holiday' })).rejects.toMatchObject({ status: 400 });
    const audited = await database.query<{ action: string }>(`select action from audit_log where action like 'calendar.%' order by id`);
    expect(audited.map((a) => a.action)).toEqual(['calendar.set', 'calendar.remove']);
  });
});

describe('transitions on a period', () => {
  const ctx = (now: string) => ({ principal: ADMIN, now: at(now) });

  it('refuses finalize and withdraw from open; only admins may publish', async () => {
    expect((await refusal(finalizePeriod(database, ctx('2026-10-09 10:00'), '2026-07'))).code).toBe('illegal_transition');
    expect((await refusal(withdrawPeriod(database, ctx('2026-10-09 10:00'), '2026-07', '测试'))).code).toBe('illegal_transition');
    expect((await refusal(publishPeriod(database, { principal: departmentUser('GAT') }, '2026-07'))).status).toBe(403);
    expect((await refusal(publishPeriod(database, { principal: ASSESSOR }, '2026-07'))).status).toBe(403);
    expect((await refusal(publishPeriod(database, ctx('2026-10-09 10:00'), '2026-13'))).status).toBe(400);
    expect((await refusal(publishPeriod(database, ctx('2026-10-09 10:00'), '2025-01'))).status).toBe(404);
    expect((await refusal(publishPeriod(database, ctx('2026-10-09 10:00'), '2026-07', { appealDays: 0 }))).status).toBe(400);
    expect((await requirePeriod(database, '2026-07')).status).toBe('open');
  });

  it('publishes with a working-day deadline, refuses publishing twice, and can withdraw', async () => {
    // Friday 2026-10-09: Sat 10-10 is a make-up workday (1), 10-12…10-15 (2–5).
    const row = await publishPeriod(database, ctx('2026-10-09 10:00'), '2026-07');
    expect(row.status).toBe('published');
    expect(row.appealDeadline?.toISOString()).toBe('2026-10-15T15:59:59.999Z');
    expect(row.schemeId).not.toBeNull();
    expect((await refusal(publishPeriod(database, ctx('2026-10-09 10:00'), '2026-07'))).code).toBe('illegal_transition');
    expect((await refusal(withdrawPeriod(database, ctx('2026-10-09 11:00'), '2026-07', '  '))).status).toBe(400);
    const withdrawn = await withdrawPeriod(database, ctx('2026-10-09 11:00'), '2026-07', '数据有误，重新公示');
    expect(withdrawn).toMatchObject({ status: 'open', appealDeadline: null, publishedAt: null });
    const again = await publishPeriod(database, ctx('2026-10-09 11:00'), '2026-07', { appealDays: 3 });
    expect(again.appealDeadline?.toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('refuses finalizing before the deadline, finalizes after it, then refuses everything', async () => {
    const early = await refusal(finalizePeriod(database, ctx('2026-10-13 23:59'), '2026-07'));
    expect(early.code).toBe('appeal_window_open');
    expect(early.message).toContain('2026-10-13 23:59');
    const done = await finalizePeriod(database, ctx('2026-10-14 00:00'), '2026-07');
    expect(done.period.status).toBe('finalized');
    expect(done.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(done.period.snapshotHash).toBe(done.hash);
    expect(done.period.finalizedBy).toBe('admin');
    for (const attempt of [
      () => publishPeriod(database, ctx('2026-10-20 10:00'), '2026-07'),
      () => finalizePeriod(database, ctx('2026-10-20 10:00'), '2026-07'),
      () => withdrawPeriod(database, ctx('2026-10-20 10:00'), '2026-07', '试图撤回'),
    ]) {
      const err = await refusal(attempt());
      expect(err.status).toBe(409);
      expect(err.code).toBe('illegal_transition');
    }
  });

  it('audits every transition', async () => {
    const rows = await database.query<{ action: string; target: string; outcome: string }>(
      `select action, target, outcome from audit_log where action like 'period.%' order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['period.publish', 'period.withdraw', 'period.publish', 'period.finalize']);
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(['2026-07']));
  });
});

describe('cli period', () => {
  const run = async (args: string[]) => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await periodCommand.run(args);
      return { code, out: write.mock.calls.map((c) => String(c[0])).join('') };
    } finally {
      write.mockRestore();
    }
  };

  it('publishes with --appeal-days and reports the status, audited as cli', async () => {
    const published = await run(['publish', '--period', '2026-08', '--appeal-days', '3']);
    expect(published.code).toBe(0);
    expect(published.out).toMatch(/^published 2026-08: appeals until \d{4}-\d{2}-\d{2} 23:59（北京时间）/);
    expect((await run(['status', '--period', '2026-08'])).out).toMatch(/^2026-08 month published · appeals until/);
    const [entry] = await database.query<{ actor: string; actor_type: string }>(`select actor, actor_type from audit_log where action = 'period.publish' and target = '2026-08'`);
    expect(entry).toEqual({ actor: 'cli', actor_type: 'cli' });
    // Publishing again is refused (exit 1); finalizing inside the window too.
    await expect(run(['publish', '--period', '2026-08'])).rejects.toBeInstanceOf(CheckFailed);
    await expect(run(['finalize', '--period', '2026-08'])).rejects.toThrow(/申诉期至/);
    expect((await run(['withdraw', '--period', '2026-08', '--reason', '测试撤回'])).out).toBe('withdrawn 2026-08: status open\n');
  });

  it('refuses bad usage with exit 2', async () => {
    for (const args of [[], ['launch', '--period', '2026-08'], ['publish'], ['publish', '--period', '2026-08', '--appeal-days', '0'], ['publish', '--period', '2026-13'], ['publish', '--period', '2020-01'], ['withdraw', '--period', '2026-08'], ['verify', '--period', '2026-08', '--appeal-days', '3']]) {
      await expect(run(args), args.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
  });
});
