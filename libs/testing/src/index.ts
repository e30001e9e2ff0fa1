export * from './database';
export * from './config';
export * from './graphql-client';
export * from './api-harness';
export * from './processes';
export * from './subscriptions';
export * from './platform';
export * from './story';
