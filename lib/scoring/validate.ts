// Step 1: check the input and lay it out as one Float64Array per indicator, with
// departments sorted by code so that input order can never change a result.
import type { Layout } from './layout';
import type { ScoringInput } from './types';

/** Bad input to the engine (unknown department, non-numeric value…): the caller's data is wrong. */
export class ScoringInputError extends Error {}

/** Raw values beyond this are rejected: differences of such numbers lose all precision. */
export const MAX_ABS_VALUE = 1e15;

export interface PreparedInput {
  /** Department codes, sorted; index d everywhere below refers to codes[d]. */
  codes: string[];
  names: string[];
  /** Peer group per department ('' when the input gives none). */
  groups: string[];
  /** Raw values per indicator (scheme order), NaN where not reported. */
  raw: Float64Array[];
  /** Sum of non-exempt incident points per department, before the cap. */
  incidentPoints: Float64Array;
  /** Per indicator (scheme order), 1 where it does not apply to the department (不适用); null when nothing is n/a. */
  notApplicable: Uint8Array[] | null;
}

export function prepareInput(input: ScoringInput, layout: Layout): PreparedInput {
  const departments = [...input.departments].sort((a, b) => compareCodes(a.code, b.code));
  const index = new Map<string, number>();
  departments.forEach((d, i) => {
    if (typeof d.code !== 'string' || d.code === '') throw new ScoringInputError('every department needs a non-empty code');
    if (index.has(d.code)) throw new ScoringInputError(`department "${d.code}" is listed twice`);
    index.set(d.code, i);
  });
  for (const code of Object.keys(input.values)) {
    if (!index.has(code)) throw new ScoringInputError(`values are given for department "${code}", which is not in the department list`);
  }

  const n = departments.length;
  const raw = layout.indicators.map(() => new Float64Array(n));
  departments.forEach((d, i) => {
    const row = input.values[d.code] ?? {};
    layout.indicators.forEach((indicator, j) => {
      const value = row[indicator.code];
      if (value === null || value === undefined) {
        raw[j][i] = Number.NaN;
      } else if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) {
        throw new ScoringInputError(`department "${d.code}", indicator "${indicator.code}": ${JSON.stringify(value)} is not a finite number within ±1e15`);
      } else {
        raw[j][i] = value;
      }
    });
  });

  return {
    codes: departments.map((d) => d.code),
    names: departments.map((d) => (typeof d.name === 'string' && d.name !== '' ? d.name : d.code)),
    groups: departments.map((d) => (typeof d.group === 'string' ? d.group : '')),
    raw,
    incidentPoints: sumIncidents(input.incidents ?? [], index, n),
    notApplicable: notApplicableMask(input.notApplicable, layout, index, raw),
  };
}

/** The 不适用 cells as one mask per indicator; codes outside the scheme are ignored, as values are. */
function notApplicableMask(given: ScoringInput['notApplicable'], layout: Layout, index: Map<string, number>, raw: Float64Array[]): Uint8Array[] | null {
  if (!given) return null;
  const column = new Map(layout.indicators.map((indicator, j) => [indicator.code, j]));
  let masks: Uint8Array[] | null = null;
  for (const [code, indicators] of Object.entries(given)) {
    const d = index.get(code);
    if (d === undefined) throw new ScoringInputError(`not-applicable indicators are given for department "${code}", which is not in the department list`);
    for (const indicator of indicators) {
      const j = column.get(indicator);
      if (j === undefined) continue;
      if (!Number.isNaN(raw[j][d])) throw new ScoringInputError(`department "${code}", indicator "${indicator}": a value is given although it is not applicable`);
      masks ??= layout.indicators.map(() => new Uint8Array(index.size));
      masks[j][d] = 1;
    }
  }
  return masks;
}

/** Whether the cell of indicator i, department d, is 不适用. */
export function isNotApplicable(prepared: Pick<PreparedInput, 'notApplicable'>, i: number, d: number): boolean {
  return prepared.notApplicable !== null && prepared.notApplicable[i][d] === 1;
}

/** Leaves the 不适用 cells out (NaN) after the missing policy filled them like missing ones. */
export function leaveOutNotApplicable(scores: Float64Array[], masks: Uint8Array[] | null): Float64Array[] {
  if (!masks) return scores;
  return scores.map((column, i) => column.map((s, d) => (masks[i][d] === 1 ? Number.NaN : s)));
}

/** Sums in a fixed order (sorted points) so the float sum cannot depend on input order. */
function sumIncidents(incidents: NonNullable<ScoringInput['incidents']>, index: Map<string, number>, n: number): Float64Array {
  const perDepartment: number[][] = Array.from({ length: n }, () => []);
  for (const incident of incidents) {
    const d = index.get(incident.department);
    if (d === undefined) throw new ScoringInputError(`an incident names department "${incident.department}", which is not in the department list`);
    if (typeof incident.points !== 'number' || !Number.isFinite(incident.points) || incident.points < 0) {
      throw new ScoringInputError(`an incident of department "${incident.department}" has points ${JSON.stringify(incident.points)}; points must be a number ≥ 0`);
    }
    if (!incident.exempt) perDepartment[d].push(incident.points);
  }
  return Float64Array.from(perDepartment, (points) => points.sort((a, b) => a - b).reduce((sum, p) => sum + p, 0));
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
