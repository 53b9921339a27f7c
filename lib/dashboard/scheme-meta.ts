// What the pages need to know about the scheme a period was scored with: the dimensions,
// indicators (name, unit, kind) and tiers, in scheme order. Read defensively from the
// stored JSON, so an older scheme version still renders.
import type { Locale, Messages } from '../i18n';
import { defaultIncentiveTranslations } from '../i18n/default-incentives';
import { defaultScheme } from '../scoring';

/** A dimension or a tier: its code and its name. */
export interface NamedCode {
  code: string;
  name: string;
}

export interface IndicatorMeta extends NamedCode {
  dimension: string;
  unit: string | null;
  kind: 'count' | 'rate' | 'score' | null;
  /** Where the value comes from: reported (metric), the sharing events, or the ledgers. */
  source: 'metric' | 'events' | 'ledger';
}

export interface SchemeMeta {
  dimensions: NamedCode[];
  indicators: IndicatorMeta[];
  tiers: NamedCode[];
  /** The scheme's incentive texts by tier code. */
  incentives: Record<string, string[]>;
}

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => !!x && typeof x === 'object') : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function schemeMeta(body: unknown): SchemeMeta {
  const scheme = (body && typeof body === 'object' ? body : {}) as Loose;
  const dimensions = list(scheme.dimensions);
  return {
    dimensions: dimensions.map((d) => ({ code: String(d.code), name: text(d.name) ?? String(d.code) })),
    indicators: dimensions.flatMap((d) =>
      list(d.indicators).map((i) => ({
        code: String(i.code),
        name: text(i.name) ?? String(i.code),
        dimension: String(d.code),
        unit: text(i.unit),
        kind: i.kind === 'count' || i.kind === 'rate' || i.kind === 'score' ? i.kind : null,
        source: i.source === 'events' || i.source === 'ledger' ? i.source : 'metric',
      })),
    ),
    tiers: list(scheme.tiers).map((t) => ({ code: String(t.code), name: text(t.name) ?? String(t.code) })),
    incentives: incentivesOf(scheme.incentives),
  };
}

function incentivesOf(value: unknown): Record<string, string[]> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([tier, texts]) => [tier, Array.isArray(texts) ? texts.filter((x): x is string => typeof x === 'string') : []]));
}

/** The catalog's translation of a tier's incentives when they are the default scheme's, else the scheme's own. */
function localizeIncentives(incentives: Record<string, string[]>, locale: Locale): Record<string, string[]> {
  const translated = defaultIncentiveTranslations[locale] ?? {};
  const defaults = defaultScheme.incentives as Record<string, string[]>;
  const same = (a: string[], b: string[] | undefined) => !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.fromEntries(Object.entries(incentives).map(([tier, texts]) => [tier, same(texts, defaults[tier]) && translated[tier] ? translated[tier] : texts]));
}

/**
 * Names in the reader's language: the catalog's name for a known code, else the scheme's own
 * (Chinese) name. A scheme edited by the bureau keeps the names the bureau gave.
 */
export function localizeMeta(meta: SchemeMeta, locale: Locale, t: Messages): SchemeMeta {
  if (locale === 'zh-CN') return meta;
  const dims = t.dimensions as Record<string, string>;
  const inds = t.dashboard.indicatorNames as Record<string, string>;
  const tiers = t.dashboard.tierNames as Record<string, string>;
  return {
    dimensions: meta.dimensions.map((d) => ({ ...d, name: dims[d.code] ?? d.name })),
    indicators: meta.indicators.map((i) => ({ ...i, name: inds[i.code] ?? i.name })),
    tiers: meta.tiers.map((x) => ({ ...x, name: tiers[x.code] ?? x.name })),
    incentives: localizeIncentives(meta.incentives, locale),
  };
}
