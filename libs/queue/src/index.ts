export * from './jobs';
export * from './judge-queue';
