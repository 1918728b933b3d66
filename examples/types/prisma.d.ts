// Just enough of the client `prisma generate` writes for this example to type-check, and for
// eslint.typed.config.mjs to recognise Prisma receivers by their declared types. A real project
// has the generated client instead of this file.
declare module '@prisma/client' {
  export interface Service {
    id: string;
    name: string;
    revision: number;
  }

  export namespace Prisma {
    interface ServiceWhereInput {
      id?: string;
      revision?: { gt?: number; lt?: number };
    }

    interface ServiceFindManyArgs {
      where?: ServiceWhereInput;
      orderBy?: { revision?: 'asc' | 'desc' };
      take?: number;
      skip?: number;
    }

    interface ServiceDelegate {
      findUnique(args: { where: { id: string } }): Promise<Service | null>;
      findFirst(args?: ServiceFindManyArgs): Promise<Service | null>;
      findMany(args?: ServiceFindManyArgs): Promise<Service[]>;
      create(args: { data: Omit<Service, 'id'> }): Promise<Service>;
      update(args: { where: { id: string }; data: Partial<Service> }): Promise<Service>;
      delete(args: { where: { id: string } }): Promise<Service>;
      count(args?: { where?: ServiceWhereInput }): Promise<number>;
      aggregate(args: { _max?: { revision?: true } }): Promise<{ _max: { revision: number | null } }>;
      groupBy(args: { by: Array<keyof Service> }): Promise<Array<Partial<Service>>>;
    }
  }

  export class PrismaClient {
    readonly service: Prisma.ServiceDelegate;
    $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
    $disconnect(): Promise<void>;
  }
}
