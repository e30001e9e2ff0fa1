import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Logger } from '@app/common';
import { ApplicationEntity, EducationStatus, JobEntity, JobStatus, Role, UserEntity } from '@app/domain';
import { ApplicationsService } from '../applications/applications.service';
import { JobsService } from '../jobs/jobs.service';
import { JobTemplatesService } from '../templates/job-templates.service';
import { loadTemplateFiles } from '../templates/template-files';

export const DEMO_TEMPLATE_KEY = 'backend-engineer-intern';
export const DEMO_RECRUITER_EMAIL = 'recruiter@example.com';
export const DEMO_CANDIDATE_EMAIL = 'candidate@example.com';

/**
 * Seed step, idempotent: loads every template file into job_templates (a broken file stops the
 * seed with its name and field). With demo data: a published job from the built-in template
 * by the demo recruiter, and the demo candidate's application to it. `app` is any context
 * holding HiringModule (the seed context, the API).
 */
export async function seedHiring(app: INestApplicationContext, ctx: { logger: Logger; demo: boolean }): Promise<void> {
  const ds = app.get(DataSource);
  const services = { templates: app.get(JobTemplatesService), jobs: app.get(JobsService), applications: app.get(ApplicationsService) };
  const sync = await services.templates.sync(loadTemplateFiles());
  ctx.logger.info(sync, 'job templates loaded');
  if (!ctx.demo) return;

  const users = ds.getRepository(UserEntity);
  const recruiter = await users.findOneBy({ email: DEMO_RECRUITER_EMAIL, role: Role.RECRUITER });
  const candidate = await users.findOneBy({ email: DEMO_CANDIDATE_EMAIL, role: Role.CANDIDATE });
  const template = await services.templates.findByKey(DEMO_TEMPLATE_KEY);
  if (!recruiter || !candidate || !template) {
    ctx.logger.warn({ recruiter: !!recruiter, candidate: !!candidate, template: !!template }, 'demo hiring data skipped: a demo account or the template is missing');
    return;
  }
  let job = await ds.getRepository(JobEntity).findOne({ where: { templateId: template.id, createdById: recruiter.id }, order: { createdAt: 'ASC' } });
  if (!job) {
    const actor = { id: recruiter.id, role: Role.RECRUITER };
    job = await services.jobs.create({ templateId: template.id, changes: {} }, actor);
    job = await services.jobs.publish(job.id, actor);
    ctx.logger.info({ jobId: job.id }, 'demo job published');
  }
  if (job.status !== JobStatus.PUBLISHED) return;
  if (await ds.getRepository(ApplicationEntity).existsBy({ jobId: job.id, candidateId: candidate.id })) return;
  const a = await services.applications.apply(
    {
      jobId: job.id,
      profile: {
        name: candidate.name,
        email: candidate.email,
        education: { degree: 'BS', field: 'Computer Science', status: EducationStatus.ENROLLED, institution: 'State University' },
        links: ['https://github.com/example/url-shortener'],
        skills: [
          { name: 'Node.js', level: 4 },
          { name: 'PostgreSQL', level: 3 },
          { name: 'Git', level: 4 },
          { name: 'REST', level: 3 },
          { name: 'Docker', level: 2 },
        ],
      },
      answers: [
        { questionKey: 'work-authorization', value: 'true' },
        { questionKey: 'availability-months', value: '6' },
        { questionKey: 'degree-program', value: 'Yes, in Computer Science' },
        { questionKey: 'backend-language-proficiency', value: '4' },
        { questionKey: 'sql-experience', value: 'I used a SQL database in a project' },
        { questionKey: 'git-experience', value: 'true' },
        { questionKey: 'dsa-self-assessment', value: '3' },
        {
          questionKey: 'problem-solving-example',
          value: 'Our course project API timed out under load; profiling showed one query per item in a list, so I batched them into a single join and the endpoint went from 4 s to 120 ms.',
        },
      ],
      resume: 'Cory Candidate. BS Computer Science (expected 2027), State University.\nProjects: a URL shortener in Node.js and PostgreSQL with a REST API, tests and a Docker image.',
    },
    { id: candidate.id, role: Role.CANDIDATE },
  );
  ctx.logger.info({ applicationId: a.id, outcome: a.outcome }, 'demo application created');
}
