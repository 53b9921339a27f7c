// Sorting department indexes by total in linear time, for the Monte Carlo loop
// (1,000 sorts of up to 5,000 totals). Two LSD radix sorts, both stable:
//
// - fast path: a 22-bit key, (total − min) scaled to [0, 2²² − 1], two passes of
//   11 bits; scaling is monotone, so only totals sharing a key can be out of
//   order, and an insertion pass over the exact totals fixes them (4 million
//   keys for a few thousand totals: few share one);
// - exact path, if that pass has too much to fix (totals clustered far below the
//   key's resolution): eight byte passes on the IEEE-754 bits, which for doubles
//   ≥ 0 order like the numbers.
// Passes whose byte is the same for every key are skipped.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const KEY_BITS = 22;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const MAX_KEY = (1 << KEY_BITS) - 1;
/** Insertion moves allowed per element before switching to the exact path. */
const FIX_UP_BUDGET = 8;

export interface SortedView {
  /** The values, ascending. */
  sorted: Float64Array;
  /** sorted[p] = values[order[p]]; equal values keep index order. */
  order: Int32Array;
}

export class RadixSorter {
  private readonly sorted: Float64Array;
  private readonly keys: [Uint32Array, Uint32Array];
  private readonly bits: [Float64Array, Float64Array];
  private readonly bitWords: [Uint32Array, Uint32Array];
  private readonly indexes: [Int32Array, Int32Array];
  private readonly keyCounts = new Int32Array(2 * DIGITS);
  private readonly byteCounts = new Int32Array(8 * 256);

  constructor(readonly size: number) {
    this.sorted = new Float64Array(size);
    this.keys = [new Uint32Array(size), new Uint32Array(size)];
    this.bits = [new Float64Array(size), new Float64Array(size)];
    this.bitWords = [new Uint32Array(this.bits[0].buffer), new Uint32Array(this.bits[1].buffer)];
    this.indexes = [new Int32Array(size), new Int32Array(size)];
  }

  /** Sorts finite values ≥ 0 (length = size). The returned views are reused by the next call. */
  sort(values: Float64Array): SortedView {
    return this.sortByScaledKey(values) ?? this.sortByBits(values);
  }

  private sortByScaledKey(values: Float64Array): SortedView | null {
    const n = this.size;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (values[i] < min) min = values[i];
      if (values[i] > max) max = values[i];
    }
    const scale = max > min ? MAX_KEY / (max - min) : 0;
    const counts = this.keyCounts;
    counts.fill(0);
    const keys = this.keys[0];
    const order = this.indexes[0];
    for (let i = 0; i < n; i++) {
      // ≤ MAX_KEY up to rounding, and >>> 0 floors, so the key fits in 22 bits.
      const key = ((values[i] - min) * scale) >>> 0;
      keys[i] = key;
      order[i] = i;
      counts[key & (DIGITS - 1)]++;
      counts[DIGITS + (key >>> DIGIT_BITS)]++;
    }
    let current = 0;
    for (let pass = 0; pass < 2; pass++) {
      const base = pass * DIGITS;
      if (!prefixSums(counts, base, DIGITS, n)) continue;
      const shift = pass * DIGIT_BITS;
      const fromKeys = this.keys[current];
      const toKeys = this.keys[1 - current];
      const fromOrder = this.indexes[current];
      const toOrder = this.indexes[1 - current];
      for (let i = 0; i < n; i++) {
        const key = fromKeys[i];
        const at = counts[base + ((key >>> shift) & (DIGITS - 1))]++;
        toKeys[at] = key;
        toOrder[at] = fromOrder[i];
      }
      current = 1 - current;
    }
    const result = this.indexes[current];
    const sorted = this.sorted;
    for (let p = 0; p < n; p++) sorted[p] = values[result[p]];
    return insertionFixUp(sorted, result, FIX_UP_BUDGET * n) ? { sorted, order: result } : null;
  }

  private sortByBits(values: Float64Array): SortedView {
    const n = this.size;
    const counts = this.byteCounts;
    counts.fill(0);
    this.bits[0].set(values);
    const order0 = this.indexes[0];
    for (let i = 0; i < n; i++) order0[i] = i;
    const words = this.bitWords[0];
    const [loWord, hiWord] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
    for (let i = 0; i < n; i++) {
      const lo = words[2 * i + loWord];
      const hi = words[2 * i + hiWord];
      for (let byte = 0; byte < 4; byte++) {
        counts[byte * 256 + ((lo >>> (byte * 8)) & 255)]++;
        counts[(byte + 4) * 256 + ((hi >>> (byte * 8)) & 255)]++;
      }
    }
    let current = 0;
    for (let pass = 0; pass < 8; pass++) {
      const base = pass * 256;
      if (!prefixSums(counts, base, 256, n)) continue;
      const word = pass < 4 ? loWord : hiWord;
      const shift = (pass % 4) * 8;
      const fromBits = this.bits[current];
      const toBits = this.bits[1 - current];
      const fromWords = this.bitWords[current];
      const fromOrder = this.indexes[current];
      const toOrder = this.indexes[1 - current];
      for (let i = 0; i < n; i++) {
        const at = counts[base + ((fromWords[2 * i + word] >>> shift) & 255)]++;
        toBits[at] = fromBits[i];
        toOrder[at] = fromOrder[i];
      }
      current = 1 - current;
    }
    return { sorted: this.bits[current], order: this.indexes[current] };
  }
}

/**
 * Turns one pass's digit counts into start positions. Returns false when every key
 * has the same digit, i.e. the pass would change nothing.
 */
function prefixSums(counts: Int32Array, base: number, radix: number, n: number): boolean {
  for (let digit = 0; digit < radix; digit++) {
    const c = counts[base + digit];
    if (c === n) return false;
    if (c !== 0) break;
  }
  let sum = 0;
  for (let digit = 0; digit < radix; digit++) {
    const c = counts[base + digit];
    counts[base + digit] = sum;
    sum += c;
  }
  return true;
}

/** Stable insertion sort of a nearly sorted array; false if it needs more than `budget` moves. */
function insertionFixUp(sorted: Float64Array, order: Int32Array, budget: number): boolean {
  for (let p = 1; p < sorted.length; p++) {
    const value = sorted[p];
    if (value >= sorted[p - 1]) continue;
    const index = order[p];
    let q = p - 1;
    while (q >= 0 && sorted[q] > value) {
      sorted[q + 1] = sorted[q];
      order[q + 1] = order[q];
      q--;
      if (--budget < 0) return false;
    }
    sorted[q + 1] = value;
    order[q + 1] = index;
  }
  return true;
}
