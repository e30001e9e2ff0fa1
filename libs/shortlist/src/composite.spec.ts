import * as fs from 'node:fs';
import * as path from 'node:path';
import { calibrateWithinKind } from '@app/rubrics';
import { CandidateInput, Calibration, composite, DEFAULT_POLICY, rank, ShortlistPolicy } from './composite';

/** Golden scenarios, one per file: inputs, hand-computed expectations and why. */
interface Scenario {
  description: string;
  why: string;
  policy: Partial<ShortlistPolicy>;
  /** Keyed interviewer|kind|rubric; "fromScorecards": computed by calibrateWithinKind over the scenario's scorecards, as the service does. */
  calibration: Record<string, Calibration> | 'fromScorecards';
  candidates?: CandidateInput[];
  candidatesFrom?: string;
  expected: Array<Record<string, unknown> & { applicationId: string; components?: Record<string, number | null>; adjustments?: object[]; explanationIncludes?: string[]; detailIncludes?: Record<string, string[]> }>;
}

const dir = path.join(__dirname, 'scenarios');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Scenario;

describe.each(files)('shortlist scenario %s', (file) => {
  const s = load(file);
  const candidates = s.candidates ?? load(s.candidatesFrom as string).candidates!;
  const policy: ShortlistPolicy = { ...DEFAULT_POLICY, ...s.policy };
  const calibration =
    s.calibration === 'fromScorecards'
      ? new Map(
          [
            ...calibrateWithinKind(
              candidates.flatMap((c) =>
                c.scorecards.map((k) => ({ ...k, candidateId: c.applicationId, ratings: k.ratings.flatMap((r) => (r.rating === null ? [] : [r.rating])) })),
              ),
            ),
          ].map(([key, c]) => [key, { offset: c.leniencyOffset, sharedCandidates: c.sharedCandidates }]),
        )
      : new Map(Object.entries(s.calibration));
  const ranked = rank(candidates.map((c) => ({ ...composite(c, policy, calibration), appliedAt: c.appliedAt })));

  it(`orders the entries: ${s.description}`, () => {
    expect(ranked.map((e) => [e.applicationId, e.rank])).toEqual(s.expected.map((e) => [e.applicationId, e.rank]));
  });

  it.each(s.expected.map((e) => [e.applicationId, e] as const))('computes entry %s as worked out by hand', (_id, want) => {
    const got = ranked.find((e) => e.applicationId === want.applicationId)!;
    for (const key of ['score', 'baseScore', 'missing', 'notObserved', 'confidence', 'demoted', 'awaitingEvidence'] as const) {
      if (key in want) expect({ [key]: got[key] }).toEqual({ [key]: want[key] });
    }
    for (const [name, value] of Object.entries(want.components ?? {})) {
      expect({ [name]: got.components.find((c) => c.name === name)!.value }).toEqual({ [name]: value });
    }
    if (want.adjustments) expect(got.adjustments).toEqual(want.adjustments.map((a) => expect.objectContaining(a)));
    for (const text of want.explanationIncludes ?? []) expect(got.explanation).toContain(text);
    for (const [name, texts] of Object.entries(want.detailIncludes ?? {})) {
      for (const text of texts) expect(got.components.find((c) => c.name === name)!.detail).toContain(text);
    }
  });
});

describe('composite', () => {
  it('has no score and no rank without any evidence', () => {
    const r = composite({ applicationId: 'x', appliedAt: '2026-01-01', skillsMatch: null, assessment: null, scorecards: [] }, DEFAULT_POLICY, new Map());
    expect(r).toMatchObject({ score: null, confidence: 'NONE', ranked: false, missing: ['skills', 'assessment', 'interview'] });
    expect(r.explanation).toMatch(/^No evidence yet/);
  });

  it('never goes below zero with heavy penalties', () => {
    const r = composite(
      {
        applicationId: 'x',
        appliedAt: '2026-01-01',
        skillsMatch: 0.1,
        assessment: null,
        scorecards: [{ interviewerId: 'a', kind: 'BEHAVIORAL', rubricId: 'r', ratings: [{ key: 'k', weight: 1, rating: 1 }], redFlags: [{ key: 'f', severity: 'CRITICAL' }, { key: 'g', severity: 'CRITICAL' }] }],
      },
      DEFAULT_POLICY,
      new Map(),
    );
    expect(r.score).toBe(0);
  });
});
