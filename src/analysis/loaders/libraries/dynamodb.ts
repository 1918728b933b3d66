import type { LibraryEntry } from '../catalog.js';

// Amazon DynamoDB, through the AWS SDK: v3 (`@aws-sdk/client-dynamodb`, `@aws-sdk/lib-dynamodb`:
// `client.send(new ScanCommand(input))`, `docClient.scan(input)`, `paginateScan(…)`) and v2
// (`new AWS.DynamoDB.DocumentClient().scan(params).promise()`).
//
// One `Scan` or `Query` call returns one page, at most 1 MB of items (less with `Limit`): bounded,
// however large the table. What loads the whole table (or partition) is code that asks for the
// next page with `ExclusiveStartKey = LastEvaluatedKey` until none is left and collects every
// page's `Items` into one array; that is what is reported. `Limit` sizes each page, not the total.
// `GetItem` and `BatchGetItem` read the caller's keys, and are no page reads.

export const dynamodb: LibraryEntry = {
  id: 'dynamodb',
  name: 'DynamoDB',
  modules: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'aws-sdk/clients/dynamodb', 'aws-sdk'],
  roles: {},
  loaders: [
    {
      kind: 'paged',
      // The cursor keys are the evidence: `ExclusiveStartKey` and `LastEvaluatedKey` are DynamoDB's alone.
      methods: ['scan', 'query'],
      commands: {
        method: 'send',
        classes: [
          { name: 'ScanCommand', imported: true },
          { name: 'QueryCommand', imported: true },
        ],
      },
      promiseMethods: ['promise'],
      paginators: [
        { name: 'paginateScan', imported: true },
        { name: 'paginateQuery', imported: true },
      ],
      cursor: { request: 'ExclusiveStartKey', response: 'LastEvaluatedKey' },
      itemsKey: 'Items',
      tableKey: 'TableName',
      unit: 'item',
    },
  ],
};
