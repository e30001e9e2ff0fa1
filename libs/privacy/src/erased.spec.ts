import { EducationStatus, Language, SubmissionEntity, SubmissionKind, SubmissionState, Verdict } from '@app/domain';
import { exportedSubmission } from './data-export.service';
import { ERASED_NAME, erasedEmail, erasedProfile, erasedSkillsMatch, erasedSubmission } from './erased';

const results = [
  { name: 'example', status: Verdict.ACCEPTED, timeMs: 2.4, hidden: false, weight: 1, actual: [1, 2], output: 'printed', message: 'ok' },
  { name: 'secret big input', category: 'scale', status: Verdict.WRONG_ANSWER, timeMs: 40, hidden: true, weight: 3, actual: 'SECRET', output: 'SECRET-OUT', message: 'expected 7' },
];

describe('what an erasure leaves', () => {
  it('a profile that names nobody, keeping the education status the schema requires', () => {
    const p = erasedProfile({
      name: 'Ann Example',
      email: 'ann@example.com',
      education: { degree: 'BS', field: 'CS', status: EducationStatus.GRADUATED, institution: 'Example University' },
      links: ['https://github.com/ann'],
      skills: [{ name: 'Go', level: 4 }],
    });
    expect(p).toEqual({ name: ERASED_NAME, email: '', education: { degree: '', field: '', status: EducationStatus.GRADUATED, institution: null }, links: [], skills: [] });
    expect(erasedEmail('1234')).toBe('erased-1234@erased.invalid');
  });

  it('a skills match with its weights and score, without the candidate\'s wording', () => {
    const m = erasedSkillsMatch({ score: 0.6, matched: [{ group: 'lang', name: 'Node.js', weight: 2, level: 4, anyOf: null, matchedAs: 'node (ann\'s side project)' }], missing: [] });
    expect(m).toEqual({ score: 0.6, matched: [{ group: 'lang', name: 'Node.js', weight: 2, level: 4, anyOf: null, matchedAs: 'Node.js' }], missing: [] });
  });

  it('a submission without its code or what the code produced, keeping statuses, weights and times', () => {
    const e = erasedSubmission({ compileError: { message: 'x = ann_secret(', line: 3, column: 9 }, results });
    expect(e).toEqual({
      source: '',
      customInput: null,
      warnings: null,
      idempotencyKey: null,
      compileError: { message: 'erased', line: 3, column: 9 },
      results: [
        { name: 'example', status: Verdict.ACCEPTED, timeMs: 2.4, hidden: false, weight: 1 },
        { name: 'secret big input', category: 'scale', status: Verdict.WRONG_ANSWER, timeMs: 40, hidden: true, weight: 3 },
      ],
    });
  });
});

describe('exportedSubmission', () => {
  it('keeps visible tests and reduces hidden ones to counts', () => {
    const s = {
      id: 's1',
      kind: SubmissionKind.SUBMISSION,
      problemId: 'p1',
      attemptId: 'a1',
      userId: 'u1',
      language: Language.JAVASCRIPT,
      source: 'return 1',
      customInput: null,
      state: SubmissionState.FINISHED,
      verdict: Verdict.WRONG_ANSWER,
      score: 0.25,
      passed: 1,
      total: 2,
      compileError: null,
      warnings: null,
      results,
      createdAt: new Date('2026-11-30T10:00:00Z'),
      finishedAt: new Date('2026-11-30T10:00:02Z'),
    } as unknown as SubmissionEntity;
    const e = exportedSubmission(s, 'Reconcile ledgers');
    expect(e.tests).toEqual([{ name: 'example', category: null, status: Verdict.ACCEPTED, timeMs: 2, memoryBytes: null, actual: '[1,2]', output: 'printed', message: 'ok' }]);
    expect(e.hiddenTests).toEqual({ total: 1, passed: 0 });
    expect(JSON.stringify(e)).not.toMatch(/SECRET|secret big input|expected 7/);
    expect(e).toMatchObject({ code: 'return 1', problemTitle: 'Reconcile ledgers', submittedAt: '2026-11-30T10:00:00.000Z', judgedAt: '2026-11-30T10:00:02.000Z' });
  });
});
