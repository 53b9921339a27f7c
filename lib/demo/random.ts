// A small seeded PRNG (the engine's mulberry32) so the demo province is the same for a given seed.
import { mulberry32 } from '../scoring/prng';

export type Random = () => number;

/** Seed 0 is replaced by a fixed one, as it always was, so every seed gives the demo province it gave before. */
export const seededRandom = (seed: number): Random => mulberry32(seed >>> 0 || 0x9e3779b9);

export const between = (rand: Random, lo: number, hi: number) => lo + (hi - lo) * rand();
export const intBetween = (rand: Random, lo: number, hi: number) => Math.floor(between(rand, lo, hi + 1));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Approximately normal (Irwin–Hall of 4), mean 0, sd 1. */
export function gaussian(rand: Random): number {
  return (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);
}
