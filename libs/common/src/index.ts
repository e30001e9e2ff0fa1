export * from './app-error';
export * from './logger';
export * from './clock';
export * from './paths';
export * from './sql';
