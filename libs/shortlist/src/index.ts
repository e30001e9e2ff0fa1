export * from './composite';
