import type { LibraryEntry } from '../catalog.js';

// Meteor's collections (`new Mongo.Collection('cards')`): `Cards.find(selector, options)` is a
// cursor, read by `fetch()`/`map()` (and their `…Async` forms) into an array of every matching
// document unless `options.limit` is set. `forEach` walks the driver's cursor one document at a
// time on the server and is no load; `findOne`, `count()`/`countAsync()` read one value.

export const meteor: LibraryEntry = {
  id: 'meteor',
  name: 'Meteor',
  // Any Meteor package: a file importing one is Meteor code (collections are usually imported
  // from a module of the application's own, `import { Cards } from '/imports/api/cards'`).
  modules: [/^meteor\//],
  roles: {
    collection: {
      constructs: [{ name: 'Mongo.Collection', imported: true }],
      types: [{ name: 'Mongo.Collection', imported: true }],
      // Meteor's own naming (`TasksCollection`), in a Meteor file: ahead of the MongoDB driver's.
      names: ['*Collection', '*collection'],
      namesNeedImport: true,
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'meteor-cursor',
      role: 'collection',
      starts: ['find'],
      terminals: ['fetch', 'fetchAsync', 'map', 'mapAsync'],
      thenable: false,
      boundMethods: [],
      notLoads: [],
      startOptions: { arg: 1, keys: ['limit'] },
      startFilterArg: 0,
      // A string selector is an `_id` (`Cards.find('x7Kf…')`: one document); and jQuery's `$(el).find('li').map(…)` is no cursor.
      stringFilterIsKey: true,
      // On the client, `find()` reads Minimongo: what the server's publication sent, bounded there.
      clientModules: [
        'react',
        /^react-dom(?:\/|$)/,
        'vue',
        'svelte',
        'meteor/react-meteor-data',
        'meteor/templating',
        'meteor/blaze',
        'meteor/session',
        'meteor/tracker',
        'meteor/reactive-var',
        'meteor/reactive-dict',
        'meteor/vue-meteor-tracker',
      ],
      fixOption: { arg: 1, key: 'limit' },
      evidence: 'import',
      unit: 'document',
    },
  ],
};
