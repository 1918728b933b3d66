import type { LibraryEntry } from '../catalog.js';

/** How a receiver was recognised, from the strongest evidence to the weakest. */
export type Via = 'type' | 'creation' | 'annotation' | 'injection' | 'base' | 'import' | 'name';

export interface Resolved {
  library: LibraryEntry;
  role: string;
  via: Via;
}

/** A role; `'other'` when the receiver is known to be something else (an array, a local class); null when unknown. */
export type Resolution = Resolved | 'other' | null;

export const isResolved = (r: Resolution): r is Resolved => r !== null && r !== 'other';
