export * from './redis';
export * from './tokens';
export * from './core.module';
export * from './bootstrap';
