import { describe, expect, it } from 'vitest';
import { perOptions } from '../../src/util/per-options.js';

describe('perOptions', () => {
  it('builds once per options object, again for another object with equal contents', () => {
    const built: object[] = [];
    const of = perOptions((options: { words: string[] }) => {
      built.push(options);
      return options.words.join(',');
    });
    const a = { words: ['x', 'y'] };
    expect(of(a)).toBe('x,y');
    expect(of(a)).toBe('x,y');
    expect(built).toEqual([a]);
    expect(of({ words: ['x', 'y'] })).toBe('x,y');
    expect(built).toHaveLength(2);
  });
});
