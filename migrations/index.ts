export * from './data-source';
export * from './backup';
