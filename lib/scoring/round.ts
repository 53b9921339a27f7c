// Output numbers are rounded to 6 decimals: far below anything displayed, but
// it hides float noise such as 91.30000000000001 in the JSON and its hash.
export const OUTPUT_DECIMALS = 6;

export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no "-0"
}
