import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import * as path from 'node:path';

/** The committed SDL, at the app's root (apps/api/schema.graphql) from source or from dist. */
export const SCHEMA_PATH = path.resolve(__dirname, '../../../../', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '.', 'apps/api/schema.graphql');

export function generateSchemaSdl(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
