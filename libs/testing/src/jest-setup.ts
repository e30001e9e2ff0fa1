// Every test runs in UTC with a quiet logger unless a test asks otherwise.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL ??= 'silent';
