export * from './database';
export * from './config';
export * from './graphql-client';
export * from './processes';
export * from './subscriptions';
export * from './platform';
export * from './answers';
