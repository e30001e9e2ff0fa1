// The API's own test support: the real API on a per-file database, and the stories built
// through it. It lives with the app, not in libs/testing, so that libs see libs only.
export * from './api-harness';
export * from './story';
export * from './seed-context';
