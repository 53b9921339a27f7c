// The JSON shape of integrity flags in API responses (the OpenAPI document uses the same
// shapes), and each flag's sentence in the caller's language.
import { z } from 'zod';
import { fill, formatInteger, formatNumber, messages, type Locale } from '../i18n/index';
import { FLAG_KINDS, FLAG_SEVERITIES } from '../scoring/index';
import type { IntegrityFlag } from './service';

export const flagShape = z
  .object({
    department: z.string(),
    kind: z.enum(FLAG_KINDS),
    severity: z.enum(FLAG_SEVERITIES),
    evidence: z.record(z.string(), z.unknown()).meta({
      description:
        'The numbers behind the flag (docs/api.md, "Integrity"): numerator/denominator/share, partner for pairs, month/calls/median/mad/z/history for spikes',
    }),
    message: z.string(),
    setAside: z.object({ id: z.number().int(), reason: z.string() }).nullable().meta({ description: "The active set-aside of the flag's pair, if any" }),
  })
  .meta({ id: 'IntegrityFlag' });

export const integrityShape = z.object({ period: z.string(), flags: z.array(flagShape) }).meta({ id: 'IntegrityFlags' });

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const percent = (locale: Locale, v: unknown) => `${formatNumber(locale, num(v) * 100, 0)}%`;

/** The flag's sentence, from its evidence. */
export function flagMessage(flag: Pick<IntegrityFlag, 'kind' | 'evidence'>, locale: Locale): string {
  const t = messages(locale).integrity;
  const e = flag.evidence;
  const int = (v: unknown) => formatInteger(locale, Math.round(num(v)));
  switch (flag.kind) {
    case 'consumer_concentration':
      return fill(t.messages.consumer_concentration, { partner: String(e.partner), share: percent(locale, e.share), numerator: int(e.numerator), denominator: int(e.denominator), consumers: int(e.consumers) });
    case 'thin_consumers':
      return fill(t.messages.thin_consumers, { numerator: int(e.numerator), share: percent(locale, e.share), minCalls: int(e.minCalls), minDays: int(e.minDays), thinCalls: int(e.thinCalls) });
    case 'reciprocal_pair':
      return fill(t.messages.reciprocal_pair, { partner: String(e.partner), share: percent(locale, e.share), partnerShare: percent(locale, e.partnerShare) });
    case 'call_spike':
      return fill(t.messages.call_spike, { month: String(e.month), calls: int(e.calls), median: int(e.median), months: int(e.months), z: formatNumber(locale, num(e.z), 1) });
    case 'zombie_resources':
      return fill(t.messages.zombie_resources, { numerator: int(e.numerator), denominator: int(e.denominator), months: int(e.months) });
    case 'self_report_conflict': {
      const details: string[] = [];
      for (const o of (e.objections as Array<{ indicator: string; objections: number }> | undefined) ?? []) {
        details.push(fill(t.objectionDetail, { indicator: o.indicator, objections: int(o.objections) }));
      }
      if (e.rating != null) details.push(fill(t.ratingDetail, { rating: formatNumber(locale, num(e.rating), 1), ratings: int(e.ratings) }));
      return fill(t.messages.self_report_conflict, { threshold: percent(locale, e.threshold), details: details.join(t.detailJoiner) });
    }
  }
}

export const flagJson = (flag: IntegrityFlag, locale: Locale): z.infer<typeof flagShape> => ({
  department: flag.department,
  kind: flag.kind,
  severity: flag.severity,
  evidence: flag.evidence,
  message: flagMessage(flag, locale),
  setAside: flag.setAside,
});
