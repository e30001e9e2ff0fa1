import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { calibrate } from './calibration';

/**
 * Golden scenarios, one per file in ./scenarios: submitted scorecards reduced to (interviewer,
 * candidate, ratings), the figures computed by hand, and in "why" how they were computed.
 */
const scenarioSchema = z
  .object({
    description: z.string().min(1),
    scorecards: z.array(
      z.object({ interviewerId: z.string(), candidateId: z.string(), ratings: z.array(z.number().int().min(1).max(4)) }).strict(),
    ),
    why: z.array(z.string().min(1)).min(1),
    expected: z.array(
      z
        .object({
          interviewerId: z.string(),
          scorecards: z.number(),
          candidates: z.number(),
          ratings: z.number(),
          mean: z.number(),
          spread: z.number(),
          leniencyOffset: z.number().nullable(),
          sharedCandidates: z.number(),
        })
        .strict(),
    ),
  })
  .strict();

const dir = path.join(__dirname, 'scenarios');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('calibration scenarios', () => {
  it('includes the golden fixture of three interviewers and five candidates', () => {
    const golden = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, '01-three-interviewers-five-candidates.json'), 'utf8')));
    expect(new Set(golden.scorecards.map((s) => s.interviewerId)).size).toBe(3);
    expect(new Set(golden.scorecards.map((s) => s.candidateId)).size).toBe(5);
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', (file) => {
    const s = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(calibrate(s.scorecards)).toEqual(s.expected);
  });
});

describe('calibrate', () => {
  it('does not depend on the order of the scorecards', () => {
    const s = scenarioSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, '01-three-interviewers-five-candidates.json'), 'utf8')));
    expect(calibrate([...s.scorecards].reverse())).toEqual(s.expected);
  });

  it('gives the same offset to everyone when all interviewers agree', () => {
    const cards = ['a', 'b', 'c'].flatMap((interviewerId) =>
      ['x', 'y'].map((candidateId) => ({ interviewerId, candidateId, ratings: [3, 2] })),
    );
    expect(calibrate(cards).map((c) => [c.interviewerId, c.leniencyOffset, c.sharedCandidates])).toEqual([
      ['a', 0, 2],
      ['b', 0, 2],
      ['c', 0, 2],
    ]);
  });

  it('ignores a scorecard without ratings', () => {
    expect(calibrate([{ interviewerId: 'a', candidateId: 'x', ratings: [] }])).toEqual([]);
  });
});
