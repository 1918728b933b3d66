// Types of hostile-shapes.mjs, for the TypeScript tests that import it.
export interface HostileShape {
  name: string;
  about: string;
  generate: (n: number) => string;
  /** The first and the last size the benchmark doubles through. */
  sizes: readonly [number, number];
}
export declare const HOSTILE_SHAPES: readonly HostileShape[];
export declare function doublings(range: readonly [number, number]): number[];
export declare function manyTimeoutSentinels(n: number): string;
