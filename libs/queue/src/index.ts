export * from './jobs';
export * from './judge-queue';
export * from './similarity-queue';
