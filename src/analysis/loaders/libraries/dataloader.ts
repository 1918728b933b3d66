import type { LibraryEntry } from '../catalog.js';

export const dataloader: LibraryEntry = {
  id: 'dataloader',
  name: 'DataLoader',
  modules: ['dataloader'],
  roles: {},
  loaders: [
    {
      kind: 'constructor',
      classes: [
        { name: 'DataLoader', imported: true },
        { name: 'default', imported: true },
      ],
      optionsArg: 1,
      boundKeys: ['maxBatchSize'],
      exemptions: [{ key: 'batch', value: false }],
      fixKey: 'maxBatchSize',
    },
  ],
};
