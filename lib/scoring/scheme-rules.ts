// Checks that need the whole scheme, each giving one readable sentence that
// names where the problem is. Run after the structure has parsed.
import type { Scheme } from './scheme-schema';
import { ahp, CR_THRESHOLD } from './ahp';

export function schemeRuleErrors(scheme: Scheme): string[] {
  return [
    ...duplicateCodeErrors(scheme),
    ...targetErrors(scheme),
    ...weightErrors(scheme),
    ...ahpErrors(scheme),
    ...tierErrors(scheme),
  ];
}

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of codes) (seen.has(c) ? repeated : seen).add(c);
  return [...repeated];
}

function duplicateCodeErrors(scheme: Scheme): string[] {
  const indicatorCodes = scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
  return [
    ...duplicates(scheme.dimensions.map((d) => d.code)).map((c) => `duplicate dimension code "${c}"`),
    ...duplicates(indicatorCodes).map((c) => `duplicate indicator code "${c}" (indicator codes must be unique across all dimensions)`),
    ...duplicates(scheme.tiers.map((t) => t.code)).map((c) => `duplicate tier code "${c}"`),
  ];
}

function targetErrors(scheme: Scheme): string[] {
  const errors: string[] = [];
  for (const d of scheme.dimensions) {
    for (const i of d.indicators) {
      const where = `dimensions[${d.code}].indicators[${i.code}]`;
      if (i.normalize === 'target' && i.target === undefined) errors.push(`${where}: normalize "target" needs a "target" value`);
      else if (i.target !== undefined && !(i.target > 0)) errors.push(`${where}.target: must be greater than 0, got ${i.target}`);
    }
  }
  return errors;
}

/** Written weights matter for these methods; the others derive their own. */
function weightErrors(scheme: Scheme): string[] {
  const method = scheme.weighting.method;
  const errors: string[] = [];
  const usesDimensionWeights = method === 'expert' || method === 'entropy' || method === 'combined';
  const usesIndicatorWeights = method === 'expert' || method === 'combined';
  if (usesDimensionWeights && scheme.dimensions.every((d) => d.weight === 0)) {
    errors.push(`dimension weights are all zero (method "${method}" uses them as written)`);
  }
  if (usesIndicatorWeights) {
    for (const d of scheme.dimensions) {
      if (d.indicators.every((i) => i.weight === 0)) errors.push(`dimensions[${d.code}]: indicator weights are all zero`);
    }
  }
  return errors;
}

function ahpErrors(scheme: Scheme): string[] {
  if (scheme.weighting.method !== 'ahp') return [];
  const matrices = scheme.weighting.ahp;
  const errors: string[] = [];
  const check = (where: string, matrix: Array<Array<number | string>> | undefined, size: number, of: string) => {
    if (size < 2 && matrix === undefined) return; // one element needs no comparison
    if (matrix === undefined) {
      errors.push(`${where}: method "ahp" needs a ${size}×${size} pairwise matrix for ${of}`);
      return;
    }
    if (matrix.length !== size) {
      errors.push(`${where}: the matrix is ${matrix.length}×${matrix.length} but there are ${size} ${of}`);
      return;
    }
    try {
      const result = ahp(matrix);
      if (!result.consistent) {
        errors.push(`${where}: the AHP matrix is inconsistent, CR = ${result.cr.toFixed(3)} ≥ ${CR_THRESHOLD.toFixed(2)}; revise the judgements`);
      }
    } catch (err) {
      errors.push(`${where}: ${(err as Error).message}`);
    }
  };
  check('weighting.ahp.dimensions', matrices?.dimensions, scheme.dimensions.length, 'dimensions');
  for (const d of scheme.dimensions) {
    check(`weighting.ahp.indicators.${d.code}`, matrices?.indicators[d.code], d.indicators.length, `indicators in dimension "${d.code}"`);
  }
  const known = new Set(scheme.dimensions.map((d) => d.code));
  for (const key of Object.keys(matrices?.indicators ?? {})) {
    if (!known.has(key)) errors.push(`weighting.ahp.indicators.${key}: there is no dimension "${key}"`);
  }
  return errors;
}

function tierErrors(scheme: Scheme): string[] {
  const errors: string[] = [];
  const tiers = scheme.tiers;
  tiers.forEach((tier, index) => {
    const hasCondition = tier.topShare !== undefined || tier.minScore !== undefined;
    if (index === tiers.length - 1) {
      if (hasCondition) errors.push(`tiers[${tier.code}]: the last tier catches every remaining department, so it takes no topShare or minScore`);
      if (tier.floor !== undefined) errors.push(`tiers[${tier.code}]: the last tier has no tier below it, so it takes no floor`);
    } else if (!hasCondition) {
      errors.push(`tiers[${tier.code}]: only the last tier may have no topShare or minScore (the tiers after it could never apply)`);
    }
  });
  const tierCodes = new Set(tiers.map((t) => t.code));
  for (const key of Object.keys(scheme.incentives)) {
    if (!tierCodes.has(key)) errors.push(`incentives.${key}: there is no tier "${key}"`);
  }
  return errors;
}
