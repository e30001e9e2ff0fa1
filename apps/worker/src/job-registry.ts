import { JobName, JobPayloads } from '@app/queue';

export type JobHandler<N extends JobName> = (data: JobPayloads[N], meta: { attemptsMade: number; jobId?: string }) => Promise<unknown>;

export type HandlerEntry = { name: JobName; handle: JobHandler<JobName> };

/**
 * Every job name must have exactly one handler; the worker refuses to boot otherwise, so a
 * new job type cannot be enqueued by the API and then silently ignored.
 */
export function buildRegistry(entries: HandlerEntry[]): Map<JobName, JobHandler<JobName>> {
  const problems: string[] = [];
  const registry = new Map<JobName, JobHandler<JobName>>();
  for (const e of entries) {
    if (registry.has(e.name)) problems.push(`job "${e.name}" has two handlers`);
    registry.set(e.name, e.handle);
  }
  for (const name of Object.values(JobName)) {
    if (!registry.has(name)) problems.push(`job "${name}" has no handler`);
  }
  for (const name of registry.keys()) {
    if (!Object.values(JobName).includes(name)) problems.push(`handler for unknown job "${String(name)}"`);
  }
  if (problems.length) throw new Error(`Job registry is inconsistent: ${problems.join('; ')}`);
  return registry;
}
