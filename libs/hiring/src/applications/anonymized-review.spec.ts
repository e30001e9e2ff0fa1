import { ApplicantProfile, ApplicationStage, EducationStatus, Role } from '@app/domain';
import { anonymizedProfile, identityHidden } from './anonymized-review';

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
