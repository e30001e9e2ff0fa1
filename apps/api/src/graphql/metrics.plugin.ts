import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperations } from '../health/metrics';

export const metricsPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ operation, operationName, errors }) => {
      graphqlOperations.inc({
        type: operation?.operation ?? 'unknown',
        name: operationName ?? 'anonymous',
        outcome: errors?.length ? 'error' : 'ok',
      });
    },
  }),
};
