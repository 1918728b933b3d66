// The receiver resolver: what a call's receiver is (a Prisma client, a TypeORM repository, a knex
// instance…), from how it was created, its annotations, its class and the file's imports.
export { ReceiverResolver } from './resolver.js';
