import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, OperationDefinitionNode, FragmentDefinitionNode, SelectionSetNode, Kind, DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '@app/common';

/** Depth of the deepest selection, following fragments (cycles are rejected by validation). */
export function queryDepth(doc: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((o) => !operationName || o.name?.value === operationName) ?? ops[0];
  const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        // Introspection (__schema, __type) is exempt: tools send deep but bounded queries.
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depth(sel.selectionSet, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depth(sel.selectionSet, seen));
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value)) max = Math.max(max, depth(f.selectionSet, new Set([...seen, f.name.value])));
      }
    }
    return max;
  };
  return op ? depth(op.selectionSet, new Set()) : 0;
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    originalError: new AppError(ErrorCode.QUERY_TOO_COMPLEX, message),
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}

/** Refuses operations deeper or costlier than configured, before any resolver runs. */
export function limitsPlugin(limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  return {
    requestDidStart: async (): Promise<GraphQLRequestListener<object>> => ({
      didResolveOperation: async ({ document, request, schema }) => {
        const d = queryDepth(document, request.operationName);
        if (d > limits.maxDepth) {
          throw tooComplex(`Query depth ${d} exceeds the limit of ${limits.maxDepth}`);
        }
        const complexity = getComplexity({
          schema,
          operationName: request.operationName,
          query: document,
          variables: request.variables,
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
        if (complexity > limits.maxComplexity) {
          throw tooComplex(`Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}`);
        }
      },
    }),
  };
}
