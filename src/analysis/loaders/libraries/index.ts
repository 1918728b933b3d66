// The catalog: one entry per library. Adding a library is adding a file here and its tests
// (tests/rules/no-unbounded-load/<id>.test.ts); tests/analysis/loaders-catalog.test.ts checks both.
import type { LibraryEntry } from '../catalog.js';
import { couchdb } from './couchdb.js';
import { dataloader } from './dataloader.js';
import { drizzle } from './drizzle.js';
import { elasticsearch } from './elasticsearch.js';
import { dynamodb } from './dynamodb.js';
import { firestore } from './firestore.js';
import { knex } from './knex.js';
import { kysely } from './kysely.js';
import { meteor } from './meteor.js';
import { mikroOrm } from './mikro-orm.js';
import { mongodb } from './mongodb.js';
import { mongoose } from './mongoose.js';
import { objection } from './objection.js';
import { prisma } from './prisma.js';
import { prismic } from './prismic.js';
import { redis } from './redis.js';
import { sequelize } from './sequelize.js';
import { sql } from './sql.js';
import { supabase } from './supabase.js';
import { typeorm } from './typeorm.js';

/** In resolution order: when evidence fits two libraries, the earlier one wins. */
export const CATALOG: readonly LibraryEntry[] = [
  prisma,
  typeorm,
  mikroOrm,
  sequelize,
  mongoose,
  // Before the MongoDB driver: in a Meteor file, `TasksCollection` is Meteor's.
  meteor,
  mongodb,
  knex,
  objection,
  drizzle,
  kysely,
  supabase,
  couchdb,
  firestore,
  dynamodb,
  redis,
  elasticsearch,
  prismic,
  dataloader,
  sql,
];
