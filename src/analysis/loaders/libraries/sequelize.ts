import type { LibraryEntry } from '../catalog.js';

export const sequelize: LibraryEntry = {
  id: 'sequelize',
  name: 'Sequelize',
  modules: ['sequelize', 'sequelize-typescript', '@sequelize/core', '@nestjs/sequelize'],
  roles: {
    instance: {
      constructs: [{ name: 'Sequelize', imported: true }],
      types: [{ name: 'Sequelize', imported: true }],
      names: ['sequelize'],
      namesNeedImport: true,
    },
    models: {
      properties: [{ from: 'instance', names: ['models'] }],
    },
    model: {
      properties: [{ from: 'models', names: '*' }],
      methods: [{ from: 'instance', names: ['define', 'model'] }],
      types: [
        { name: 'ModelStatic', imported: true },
        { name: 'ModelCtor', imported: true },
        { name: 'ModelDefined', imported: true },
      ],
      decorators: [{ name: 'InjectModel', imported: true }],
      bases: [{ name: 'Model', imported: true }],
      baseSide: 'static',
      // `User.findAll()`, `db.User.findAll()`, `this.targetModel.findAll()` in a file importing Sequelize.
      names: ['model', '*Model'],
      classNames: true,
      namesNeedImport: true,
    },
  },
  loaders: [
    {
      kind: 'options',
      role: 'model',
      methods: ['findAll', 'findAndCountAll'],
      optionsArg: 0,
      boundKeys: ['limit'],
      filter: { arg: 0, key: 'where' },
      countMethod: 'count',
      evidence: 'receiver',
      unit: 'row',
    },
  ],
};
