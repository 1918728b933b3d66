/**
 * A memo of `build(key)` that forgets everything once it holds `max` entries: answers shared by
 * every file of a lint run, without growing for ever in a long editor session.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K, build: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key)!;
    if (this.entries.size >= this.max) this.entries.clear();
    const value = build();
    this.entries.set(key, value);
    return value;
  }
}
