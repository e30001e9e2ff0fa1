import { DataSource } from 'typeorm';
import { createLogger } from '@app/common';
import { ApplicationEntity, ApplicationEventEntity, ApplicationStage, JobEntity, JobStatus, JobTemplateEntity, Role, ScreeningOutcome } from '@app/domain';
import { ApiHarness, inSeedContext, startApi } from '@app/api-testing';
import { JobTemplatesService } from '../templates/job-templates.service';
import { loadTemplateFiles } from '../templates/template-files';
import { DEMO_CANDIDATE_EMAIL, DEMO_RECRUITER_EMAIL, seedHiring } from './hiring.seeder';

describe('hiring seed step', () => {
  let api: ApiHarness;
  let ds: DataSource;
  const logger = createLogger('silent', 'test');
  const count = () =>
    Promise.all([JobTemplateEntity, JobEntity, ApplicationEntity, ApplicationEventEntity].map((e) => ds.getRepository(e).count()));

  beforeAll(async () => {
    api = await startApi();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('loads the templates only, and skips the demo data when its accounts are missing', async () => {
    await inSeedContext(api, (app) => seedHiring(app, { logger, demo: true }));
    expect(await count()).toEqual([1, 0, 0, 0]);
    const t = await ds.getRepository(JobTemplateEntity).findOneByOrFail({ key: 'backend-engineer-intern' });
    expect(t.name).toBe('Backend Engineer Intern');
    expect(t.content.screeningQuestions).toHaveLength(9);
  });

  it('creates a published job by the demo recruiter and the demo candidate\'s application, once', async () => {
    const recruiter = await api.user(Role.RECRUITER, DEMO_RECRUITER_EMAIL);
    const candidate = await api.user(Role.CANDIDATE, DEMO_CANDIDATE_EMAIL);
    await inSeedContext(api, (app) => seedHiring(app, { logger, demo: true }));
    await inSeedContext(api, (app) => seedHiring(app, { logger, demo: true }));
    expect(await count()).toEqual([1, 1, 1, 2]);
    const job = await ds.getRepository(JobEntity).findOneByOrFail({ createdById: recruiter.id });
    expect(job).toMatchObject({ status: JobStatus.PUBLISHED, title: 'Backend Engineer Intern' });
    const a = await ds.getRepository(ApplicationEntity).findOneByOrFail({ jobId: job.id });
    expect(a).toMatchObject({ candidateId: candidate.id, stage: ApplicationStage.SCREENED, outcome: ScreeningOutcome.PASSED, screeningScore: 0.9259 });
    expect(a.skillsMatch.matched.map((m) => m.name)).toEqual(['Node.js', 'SQL', 'REST', 'Git', 'Docker']);
  });

  it('updates a template whose file changed and leaves the jobs made from it alone', async () => {
    const [file] = loadTemplateFiles();
    const templates = api.app.get(JobTemplatesService);
    const changed = { ...file, content: { ...file.content, perks: [...file.content.perks, 'Free lunch'] } };
    expect(await templates.sync([changed])).toEqual({ created: [], updated: ['backend-engineer-intern'], unchanged: [] });
    expect((await templates.findByKey('backend-engineer-intern'))!.content.perks).toContain('Free lunch');
    expect((await ds.getRepository(JobEntity).find())[0].perks).not.toContain('Free lunch');
    expect(await templates.sync([file])).toEqual({ created: [], updated: ['backend-engineer-intern'], unchanged: [] });
    expect(await templates.sync([file])).toEqual({ created: [], updated: [], unchanged: ['backend-engineer-intern'] });
  });
});
