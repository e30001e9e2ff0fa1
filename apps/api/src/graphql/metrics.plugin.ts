import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { graphqlOperations } from '../health/metrics';

/**
 * The `name` label of an operation: its root field when it selects one (`jobs`, `submitSolution`),
 * `multiple` when it selects several, `other` when none resolved. The client's operationName is
 * never a label: it is whatever the client sends, and every new value would be a new series kept
 * for the life of the process. Root fields are the schema's, so the label set is bounded by it.
 */
export function operationLabel(document: DocumentNode | undefined, operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'other';
  const fragments = new Map(
    (document?.definitions ?? []).flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (names.size > 1) return;
      if (sel.kind === Kind.FIELD) names.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        collect(fragments.get(sel.name.value));
      }
    }
  };
  collect(operation.selectionSet);
  if (names.size === 0) return 'other';
  return names.size === 1 ? [...names][0] : 'multiple';
}

export const metricsPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ document, operation, errors }) => {
      graphqlOperations.inc({
        type: operation?.operation ?? 'unknown',
        name: operationLabel(document, operation),
        outcome: errors?.length ? 'error' : 'ok',
      });
    },
  }),
};
