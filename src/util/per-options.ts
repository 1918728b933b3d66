/**
 * A value built once per rule-options object. `createRule` hands every file of a config the same
 * merged options object (and its sub-objects), so identity is the whole key: no string is built
 * per file, and an options object dropped with its config takes its value with it.
 */
export function perOptions<K extends object, V>(build: (options: K) => V): (options: K) => V {
  const built = new WeakMap<K, V>();
  return (options) => {
    let value = built.get(options);
    if (value === undefined) {
      value = build(options);
      built.set(options, value);
    }
    return value;
  };
}
