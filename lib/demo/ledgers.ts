// The demo province's ledgers (docs/scoring.md "Ledger indicators"): a catalog of tens of
// resources per department (~55 % 无条件 / 35 % 有条件 / 10 % 不予共享 with a legal basis, some
// withdrawn, the resources nobody calls are 僵尸), a year of requests and objections with
// departments that differ in punctuality (some always on time, some often late, some with
// items open and overdue now) and the consumers' ratings. Pure and reproducible: its own
// random streams, so the events and metrics of the province are exactly as before. Due days
// come from lib/ledgers/clocks.ts on the bureau's calendar.
import { chinaDay } from '../periods/calendar';
import type { WorkCalendar } from '../periods/calendar';
import { daysOfMonth } from '../periods/codes';
import { deliveryDueOn, doneOnTime, objectionDueOn, replyDueOn, type ShareType } from '../ledgers/clocks';
import { addWorkingDays } from '../periods/calendar';
import type { Profile } from './province';
import { clamp, gaussian, intBetween, seededRandom, type Random } from './random';

export interface LedgerOptions {
  months: string[];
  seed: number;
  /** Nothing happens after this instant: later replies and deliveries are still open. */
  now: Date;
  calendar: WorkCalendar;
}

/** [resource, provider, name, share_type, legal_basis, update_cycle, published_on, updated_on, status, superseded_at] */
export type CatalogRow = [string, string, string, ShareType, string | null, string, string, string, 'active' | 'withdrawn', string | null];
/** [request, consumer, provider, resource, purpose, submitted_at, replied_at, decision, reason, delivered_at, rating, rating_source, reply_due_on, delivery_due_on] */
export type RequestRow = [string, string, string, string | null, string, string, string | null, string, string | null, string | null, number | null, string | null, string, string | null];
/** [objection, consumer, provider, resource, kind, submitted_at, resolved_at, outcome, note, source, due_on] */
export type ObjectionRow = [string, string, string, string, string, string, string | null, string, string | null, string, string];

export interface DemoLedgers {
  catalog: CatalogRow[];
  requests: RequestRow[];
  objections: ObjectionRow[];
}

const TOPICS = ['基本信息', '登记信息', '许可证照', '监管检查', '统计数据', '业务办理', '资质认定', '处罚信息', '补贴发放', '档案目录', '信用信息', '服务网点', '专项资金', '设施分布', '年度报告'];
const CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
const LEGAL_BASES = ['《中华人民共和国保守国家秘密法》', '《中华人民共和国个人信息保护法》第二十八条', '《政务数据共享条例》第十四条'];
const PURPOSES = ['政务服务“一网通办”核验', '跨部门联合监管', '惠民补贴资格审核', '统计分析与决策支持', '“高效办成一件事”材料免提交'];
const REFUSALS = ['申请用途超出目录约定的使用范围', '涉及个人敏感信息，申请依据不足', '该资源依法不予共享'];
const OBJECTION_KINDS = ['accuracy', 'completeness', 'timeliness', 'other'];

/** Beijing wall-clock time on a day → ISO instant. */
const at = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/**
 * How punctual a department is (0–1): drawn from its diligence, with about one in five
 * always on time (1) and the least diligent leaving items open past their due day.
 */
function punctualityOf(profile: Profile, rand: Random): number {
  const p = clamp(0.35 + 0.75 * profile.diligence + (rand() - 0.5) * 0.3, 0.2, 1);
  return p > 0.93 ? 1 : p;
}

interface CatalogEntry {
  resource: string;
  shareType: ShareType;
  active: boolean;
}

export function generateLedgers(profiles: Profile[], o: LedgerOptions): DemoLedgers {
  const rand = seededRandom(o.seed ^ 0x1ed9e5);
  const first = `${o.months[0]}-01`;
  const today = chinaDay(o.now);
  const nowIso = o.now.toISOString();
  const codes = profiles.map((p) => p.department.code);
  const catalog: CatalogRow[] = [];
  const byProvider: CatalogEntry[][] = [];

  profiles.forEach((profile, index) => {
    const code = profile.department.code;
    const entries: CatalogEntry[] = [];
    const called = profile.resources.length;
    const total = called + 8 + Math.floor(rand() * 20) + Math.floor(profile.heaviness * 15);
    for (let r = 0; r < total; r++) {
      const resource = `${code}-R${String(r + 1).padStart(2, '0')}`;
      const isCalled = r < called; // the resources the events call (province.ts); the rest are nobody's: 僵尸
      const u = rand();
      const shareType: ShareType = isCalled ? (u < 0.6 ? 'unconditional' : 'conditional') : u < 0.52 ? 'unconditional' : u < 0.87 ? 'conditional' : 'none';
      const name = `${profile.department.name}${TOPICS[(index + r) % TOPICS.length]}${r >= TOPICS.length ? r + 1 : ''}`;
      const published = plusDays(first, -intBetween(rand, 30, 400));
      const legal = shareType === 'none' ? pick(rand, LEGAL_BASES) : null;
      const cycle = pick(rand, CYCLES);
      const change = rand();
      if (!isCalled && change < 0.06) {
        // withdrawn during the year: the earlier version is kept
        const changed = plusDays(first, intBetween(rand, 20, 300));
        catalog.push([resource, code, name, shareType, legal, cycle, published, published, 'active', changed <= today ? nowIso : null]);
        if (changed <= today) catalog.push([resource, code, name, shareType, legal, cycle, published, changed, 'withdrawn', null]);
        entries.push({ resource, shareType, active: changed > today });
      } else if (shareType === 'conditional' && change < 0.16) {
        // opened up during the year: conditional → unconditional
        const changed = plusDays(first, intBetween(rand, 20, 300));
        const opened = changed <= today;
        catalog.push([resource, code, name, 'conditional', null, cycle, published, published, 'active', opened ? nowIso : null]);
        if (opened) catalog.push([resource, code, name, 'unconditional', null, cycle, published, changed, 'active', null]);
        entries.push({ resource, shareType: opened ? 'unconditional' : 'conditional', active: true });
      } else {
        catalog.push([resource, code, name, shareType, legal, cycle, published, published, 'active', null]);
        entries.push({ resource, shareType, active: true });
      }
    }
    byProvider.push(entries);
  });

  const requests: RequestRow[] = [];
  const objections: ObjectionRow[] = [];
  const iso = (d: Date) => d.toISOString();
  const n = profiles.length;
  profiles.forEach((profile, index) => {
    const code = profile.department.code;
    const punctuality = punctualityOf(profile, rand);
    const shareable = byProvider[index].filter((e) => e.active && e.shareType !== 'none');
    let seq = 0;
    for (const month of o.months) {
      const days = daysOfMonth(month);
      const count = Math.floor(profile.heaviness * 8 + rand() * 3);
      for (let k = 0; k < count; k++) {
        const day = pick(rand, days);
        const submitted = at(day, intBetween(rand, 9, 16), intBetween(rand, 0, 59));
        if (submitted > o.now || n < 2) continue;
        let consumer = Math.floor(rand() * (n - 1));
        if (consumer >= index) consumer++;
        const entry = shareable.length && rand() < 0.9 ? pick(rand, shareable) : null;
        const replyDue = replyDueOn(submitted, entry?.shareType ?? null, o.calendar);
        const id = `${code}-Q${String(++seq).padStart(4, '0')}`;
        const purpose = pick(rand, PURPOSES);
        // reply: on time within the allowed working days, or 1–8 days late; the least punctual leave some unanswered
        const neverReplies = punctuality < 0.55 && rand() < 0.25;
        const onTime = rand() < punctuality;
        const replied = neverReplies
          ? null
          : onTime
            ? latest(submitted, at(addWorkingDays(chinaDay(submitted), intBetween(rand, 0, entry?.shareType === 'unconditional' ? 1 : 6), o.calendar), intBetween(rand, 9, 18)))
            : at(plusDays(replyDue, intBetween(rand, 1, 8)), intBetween(rand, 9, 18));
        const repliedAt = replied && replied <= o.now ? replied : null;
        const u = rand();
        const decision = !repliedAt ? 'pending' : u < 0.12 ? 'refused' : u < 0.3 ? 'conditional' : 'approved';
        const reason = decision === 'refused' ? pick(rand, REFUSALS) : null;
        let deliveryDue: string | null = null;
        let deliveredAt: Date | null = null;
        let rating: number | null = null;
        if (repliedAt && decision !== 'refused') {
          deliveryDue = deliveryDueOn(repliedAt, o.calendar);
          const delivered = rand() < punctuality
            ? latest(repliedAt, at(addWorkingDays(chinaDay(repliedAt), intBetween(rand, 1, 20), o.calendar), 15))
            : at(plusDays(deliveryDue, intBetween(rand, 1, 15)), 15);
          deliveredAt = delivered <= o.now ? delivered : null;
          if (deliveredAt && rand() < 0.75) {
            const late = !doneOnTime(deliveredAt, deliveryDue);
            rating = clamp(Math.round(1.2 + 3.8 * punctuality + gaussian(rand) * 0.7 - (late ? 1 : 0)), 1, 5);
          }
        }
        requests.push([id, codes[consumer], code, entry?.resource ?? null, purpose, iso(submitted), repliedAt ? iso(repliedAt) : null, decision, reason,
          deliveredAt ? iso(deliveredAt) : null, rating, rating === null ? null : 'platform', replyDue, deliveryDue]);
      }
      // objections on the provider's resources: the busier, the more
      if (shareable.length && rand() < 0.2 + profile.heaviness * 0.6) {
        const day = pick(rand, days);
        const submitted = at(day, intBetween(rand, 9, 16));
        if (submitted > o.now || n < 2) continue;
        let consumer = Math.floor(rand() * (n - 1));
        if (consumer >= index) consumer++;
        const due = objectionDueOn(submitted, o.calendar);
        const resolved = punctuality < 0.55 && rand() < 0.2
          ? null
          : rand() < punctuality
            ? at(addWorkingDays(chinaDay(submitted), intBetween(rand, 1, 10), o.calendar), 16)
            : at(plusDays(due, intBetween(rand, 1, 12)), 16);
        const resolvedAt = resolved && resolved <= o.now ? resolved : null;
        objections.push([`${code}-O${String(++seq).padStart(4, '0')}`, codes[consumer], code, pick(rand, shareable).resource, pick(rand, OBJECTION_KINDS), iso(submitted),
          resolvedAt ? iso(resolvedAt) : null, resolvedAt ? (rand() < 0.7 ? 'corrected' : 'rejected') : 'pending', null, 'platform', due]);
      }
    }
  });
  return { catalog, requests, objections };
}

const latest = (a: Date, b: Date) => (b > a ? b : new Date(a.getTime() + 2 * 3_600_000));
