import { JobName } from '@app/queue';
import { buildRegistry } from './job-registry';

describe('buildRegistry', () => {
  const handle = async () => undefined;

  it('accepts exactly one handler per job', () => {
    const r = buildRegistry([{ name: JobName.JudgeSubmission, handle }]);
    expect([...r.keys()]).toEqual([JobName.JudgeSubmission]);
  });

  it('refuses a job without a handler', () => {
    expect(() => buildRegistry([])).toThrow('job "judge-submission" has no handler');
  });

  it('refuses two handlers for one job', () => {
    expect(() => buildRegistry([{ name: JobName.JudgeSubmission, handle }, { name: JobName.JudgeSubmission, handle }])).toThrow(
      'job "judge-submission" has two handlers',
    );
  });
});
