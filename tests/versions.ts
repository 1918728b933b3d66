// Version ranges as package.json writes them, read for the tests (no semver package needed).

/**
 * The lowest version a range allows, for the ranges this repository writes in `peerDependencies`
 * and `engines` (`^9.22.0 || ^10.0.0`, `^18.18.0 || >=21.1.0`): the floor tests/e2e runs on.
 */
export function lowestVersion(range: string): string {
  const versions = range.split('||').map((part) => {
    const match = /^\s*(?:\^|>=)?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!match) throw new Error(`cannot read the lowest version of "${range}": write each part as ^x.y.z or >=x.y.z`);
    return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] as const;
  });
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return versions[0]!.join('.');
}

/**
 * Whether `version` is in `range`, for the forms package.json `engines` fields use: `^x.y.z`,
 * `>=x.y.z`, `>=x.y`, `x.y.z`, joined by `||`.
 */
export function satisfies(version: string, range: string): boolean {
  const parse = (v: string) => {
    const [major = 0, minor = 0, patch = 0] = v.split('.').map(Number);
    return [major, minor, patch] as const;
  };
  const compare = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  const v = parse(version);
  return range.split('||').some((part) => {
    const match = /^\s*(\^|>=)?\s*(\d+(?:\.\d+){0,2})\s*$/.exec(part);
    if (!match) throw new Error(`cannot read the range "${range}"`);
    const floor = parse(match[2]!);
    if (match[1] === '>=') return compare(v, floor) >= 0;
    if (match[1] === '^') return v[0] === floor[0] && compare(v, floor) >= 0;
    return compare(v, floor) === 0;
  });
}
