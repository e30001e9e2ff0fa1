import { matchSkills } from './skills-match';

const skills = [
  { group: 'Programming Languages', name: 'Node.js', weight: 1, aliases: ['Node'] },
  { group: 'Database Technologies', name: 'SQL', weight: 3, aliases: ['Postgres', 'PostgreSQL'] },
];

describe('matchSkills', () => {
  it('weights each matched skill by level / 5 and lists matched and missing skills', () => {
    expect(matchSkills(skills, [{ name: 'NODE JS', level: 5 }])).toEqual({
      score: 0.25,
      matched: [{ group: 'Programming Languages', name: 'Node.js', weight: 1, level: 5, matchedAs: 'NODE JS' }],
      missing: [{ group: 'Database Technologies', name: 'SQL', weight: 3 }],
    });
  });

  it('takes the best level when two of the candidate\'s skills are spellings of one job skill', () => {
    const r = matchSkills(skills, [
      { name: 'Postgres', level: 2 },
      { name: 'postgresql', level: 4 },
    ]);
    expect(r.matched).toEqual([{ group: 'Database Technologies', name: 'SQL', weight: 3, level: 4, matchedAs: 'postgresql' }]);
    expect(r.score).toBe(0.6);
  });

  it('is 0 for a job without hard skills, and 1 for every skill at level 5', () => {
    expect(matchSkills([], [{ name: 'SQL', level: 5 }])).toEqual({ score: 0, matched: [], missing: [] });
    expect(matchSkills(skills, [{ name: 'node', level: 5 }, { name: 'sql', level: 5 }]).score).toBe(1);
  });
});
