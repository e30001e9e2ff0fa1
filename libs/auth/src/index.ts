export * from './account-policy';
export * from './account-status.cache';
export * from './password';
export * from './users.service';
export * from './auth.service';
export * from './login-limiter';
export * from './auth-core.module';
export * from './token-revocations';
