// Pairs between the top providers and the top consumers as a heat-map matrix: rows are
// providers, columns consumers, both ordered by their calls in the matrix, largest first.
import type { FlowLink } from './sankey';

export interface FlowMatrix {
  providers: Array<{ code: string; name: string }>;
  consumers: Array<{ code: string; name: string }>;
  /** cells[i][j]: calls from providers[i] to consumers[j]; null where they do not share. */
  cells: Array<Array<number | null>>;
  max: number;
}

function byCalls(pairs: FlowLink[], side: 'provider' | 'consumer') {
  const totals = new Map<string, { code: string; name: string; calls: number }>();
  for (const p of pairs) {
    const code = p[side];
    const entry = totals.get(code) ?? { code, name: side === 'provider' ? p.providerName : p.consumerName, calls: 0 };
    entry.calls += p.calls;
    totals.set(code, entry);
  }
  return [...totals.values()].sort((a, b) => b.calls - a.calls || (a.code < b.code ? -1 : 1)).map(({ code, name }) => ({ code, name }));
}

export function buildFlowMatrix(pairs: FlowLink[]): FlowMatrix {
  const providers = byCalls(pairs, 'provider');
  const consumers = byCalls(pairs, 'consumer');
  const calls = new Map(pairs.map((p) => [`${p.provider}\u0000${p.consumer}`, p.calls]));
  return {
    providers,
    consumers,
    cells: providers.map((p) => consumers.map((c) => calls.get(`${p.code}\u0000${c.code}`) ?? null)),
    max: pairs.reduce((m, p) => Math.max(m, p.calls), 0),
  };
}

/** A cell's shade from 0 to 1 on a log scale, so a few giant flows do not wash out the rest. */
export function heat(calls: number | null, max: number): number {
  if (!calls || calls <= 0 || max <= 0) return 0;
  return Math.log1p(calls) / Math.log1p(max);
}

const FROM = [239, 246, 255];
const TO = [30, 58, 138];

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const contrastRatio = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** A cell's background (light to dark blue) and the text colour, black or white, that keeps AA contrast (≥ 4.5:1) on it. */
export function cellColors(shade: number): { background: number[]; text: number[] } {
  const background = FROM.map((f, i) => Math.round(f + (TO[i] - f) * Math.max(0, Math.min(1, shade))));
  const white = [255, 255, 255];
  const black = [0, 0, 0];
  return { background, text: contrastRatio(background, white) >= contrastRatio(background, black) ? white : black };
}
