// A small seeded PRNG (mulberry32) so the demo province is the same for a given seed.
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rand: Random, lo: number, hi: number) => lo + (hi - lo) * rand();
export const intBetween = (rand: Random, lo: number, hi: number) => Math.floor(between(rand, lo, hi + 1));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Approximately normal (Irwin–Hall of 4), mean 0, sd 1. */
export function gaussian(rand: Random): number {
  return (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);
}
