/** A seeded pseudo-random source, so every generated tree is the same byte for byte. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A lowercase hex string of the given length. */
  hex(length: number): string;
  /** A heavy-tailed integer around `median` (log-normal), clamped to [min, max]. */
  logNormal(median: number, spread: number, min: number, max: number): number;
}

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of items) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    hex: (length) => {
      let out = '';
      while (out.length < length)
        out += ((next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
    logNormal: (median, spread, min, max) => {
      // Box–Muller: a normal sample, exponentiated.
      const u = Math.max(next(), 1e-12);
      const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return Math.min(max, Math.max(min, Math.round(median * Math.exp(normal * spread))));
    },
  };
}
