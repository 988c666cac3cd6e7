// A deterministic small random source for one generated sample: fast-check picks the seed, the
// generator draws its choices from it, so a failing sample replays from its seed alone.

/** `r(n)`: an integer in [0, n). */
export type R = (n: number) => number;

export function rng(seed: number): R {
  let x = (seed | 1) >>> 0;
  return (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}
