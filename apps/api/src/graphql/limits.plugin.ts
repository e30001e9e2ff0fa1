import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { getNamedType, GraphQLSchema, isLeafType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '@app/common';
import { checkOperation, costEstimator, OperationLimits, responseTooLarge } from './operation-limits';

export { queryDepth } from './operation-limits';

/** The estimator is built once per schema (it indexes the page types). */
export function estimatorCache(): (schema: GraphQLSchema) => ComplexityEstimator {
  let cached: { schema: GraphQLSchema; estimator: ComplexityEstimator } | undefined;
  return (schema) => {
    if (cached?.schema !== schema) cached = { schema, estimator: costEstimator(schema) };
    return cached.estimator;
  };
}

/** Bytes a resolved value adds to the JSON response, about (key, quotes and punctuation). */
export function jsonSize(key: string, value: unknown, leaf: boolean): number {
  const base = key.length + 4;
  if (!leaf || value === undefined) return base;
  if (typeof value === 'string') return base + Buffer.byteLength(value, 'utf8');
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return base + String(value).length;
  try {
    return base + Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return base;
  }
}

/**
 * Refuses operations deeper, costlier or larger than configured before any resolver runs, and
 * stops one whose response grows past the size limit while it runs: each resolved field adds
 * its size, and once over, the remaining resolvers are not called and the client gets one
 * QUERY_TOO_COMPLEX error instead of the data.
 */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  const estimatorFor = estimatorCache();
  return {
    requestDidStart: async (): Promise<GraphQLRequestListener<object>> => {
      let bytes = 0;
      let over = false;
      return {
        didResolveOperation: async ({ document, request, schema }) => {
          checkOperation(
            { schema, document, operationName: request.operationName, variables: request.variables },
            limits,
            estimatorFor(schema),
          );
        },
        executionDidStart: async () => ({
          willResolveField: ({ info }) => {
            if (over) throw responseTooLarge(limits.maxResponseBytes);
            const key = info.fieldNodes[0]?.alias?.value ?? info.fieldName;
            const leaf = isLeafType(getNamedType(info.returnType));
            return (error, result) => {
              if (error) return;
              bytes += Array.isArray(result) && !leaf ? key.length + 4 + 2 * result.length : jsonSize(key, result, leaf);
              if (bytes > limits.maxResponseBytes) over = true;
            };
          },
        }),
        willSendResponse: async ({ response }) => {
          if (!over) return;
          const error = responseTooLarge(limits.maxResponseBytes);
          response.http.status = 400;
          response.body = {
            kind: 'single',
            singleResult: {
              errors: [{ message: error.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'responseBytes' } }],
            },
          };
        },
      };
    },
  };
}
