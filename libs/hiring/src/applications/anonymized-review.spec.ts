import { ApplicantProfile, ApplicationStage, EducationStatus, Role } from '@app/domain';
import { aliasKey, anonymizedProfile, candidateAlias, identityHidden } from './anonymized-review';

const interviewer = { id: 'i', role: Role.INTERVIEWER };

describe('identityHidden', () => {
  it('hides from interviewers of an anonymized job until the application is shortlisted', () => {
    const job = { anonymizedReview: true };
    const hiddenAt = Object.values(ApplicationStage).filter((stage) => identityHidden(job, { stage }, interviewer));
    expect(hiddenAt).toEqual([
      ApplicationStage.APPLIED,
      ApplicationStage.SCREENED,
      ApplicationStage.ASSESSMENT,
      ApplicationStage.INTERVIEW,
      ApplicationStage.REJECTED,
      ApplicationStage.WITHDRAWN,
    ]);
  });

  it('never hides from recruiters, admins or the candidate, nor on a job without anonymized review', () => {
    const stage = ApplicationStage.INTERVIEW;
    for (const role of [Role.RECRUITER, Role.ADMIN, Role.CANDIDATE])
      expect(identityHidden({ anonymizedReview: true }, { stage }, { id: 'x', role })).toBe(false);
    expect(identityHidden({ anonymizedReview: false }, { stage }, interviewer)).toBe(false);
    expect(identityHidden({ anonymizedReview: true }, { stage }, undefined)).toBe(false);
  });
});

describe('anonymizedProfile', () => {
  it('drops name, email, links and institution and keeps education and skills', () => {
    const p: ApplicantProfile = {
      name: 'Ann Lee',
      email: 'ann@example.com',
      education: { degree: 'BS', field: 'CS', status: EducationStatus.ENROLLED, institution: 'State University' },
      links: ['https://github.com/annlee'],
      skills: [{ name: 'Java', level: 3 }],
    };
    expect(anonymizedProfile(p)).toEqual({
      name: null,
      email: null,
      education: { degree: 'BS', field: 'CS', status: EducationStatus.ENROLLED, institution: null },
      links: [],
      skills: [{ name: 'Java', level: 3 }],
    });
    expect(p.name).toBe('Ann Lee');
  });
});

describe('candidateAlias', () => {
  const key = aliasKey('server-secret');
  it('is stable within a job, different across jobs and keys, and does not contain the id', () => {
    const a1 = candidateAlias(key, 'job-1', 'user-1');
    expect(candidateAlias(key, 'job-1', 'user-1')).toBe(a1);
    expect(candidateAlias(key, 'job-2', 'user-1')).not.toBe(a1);
    expect(candidateAlias(key, 'job-1', 'user-2')).not.toBe(a1);
    expect(candidateAlias(aliasKey('another-secret'), 'job-1', 'user-1')).not.toBe(a1);
    expect(a1).toMatch(/^anon-[A-Za-z0-9_-]{22}$/);
    expect(a1).not.toContain('user-1');
  });
});
