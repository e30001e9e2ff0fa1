// Placeholder replaced by the foundation: migrates the template database once per run.
export default async function globalSetup(): Promise<void> {}
