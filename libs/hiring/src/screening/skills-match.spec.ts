import { matchSkills } from './skills-match';

const skills = [
  { group: 'Programming Languages', name: 'Node.js', weight: 1, aliases: ['Node'], anyOf: null },
  { group: 'Database Technologies', name: 'SQL', weight: 3, aliases: ['Postgres', 'PostgreSQL'], anyOf: null },
];

describe('matchSkills', () => {
  it('weights each matched skill by level / 5 and lists matched and missing skills', () => {
    expect(matchSkills(skills, [{ name: 'NODE JS', level: 5 }])).toEqual({
      score: 0.25,
      matched: [{ group: 'Programming Languages', name: 'Node.js', weight: 1, level: 5, matchedAs: 'NODE JS', anyOf: null }],
      missing: [{ group: 'Database Technologies', name: 'SQL', weight: 3, anyOf: null }],
    });
  });

  it('takes the best level when two of the candidate\'s skills are spellings of one job skill', () => {
    const r = matchSkills(skills, [
      { name: 'Postgres', level: 2 },
      { name: 'postgresql', level: 4 },
    ]);
    expect(r.matched).toEqual([{ group: 'Database Technologies', name: 'SQL', weight: 3, level: 4, matchedAs: 'postgresql', anyOf: null }]);
    expect(r.score).toBe(0.6);
  });

  it('is 0 for a job without hard skills, and 1 for every skill at level 5', () => {
    expect(matchSkills([], [{ name: 'SQL', level: 5 }])).toEqual({ score: 0, matched: [], missing: [] });
    expect(matchSkills(skills, [{ name: 'node', level: 5 }, { name: 'sql', level: 5 }]).score).toBe(1);
  });

  it('counts an any-of group once, at its best level and highest weight, and reports it missing as one unit', () => {
    const languages = [
      { group: 'Languages', name: 'Python', weight: 3, aliases: [], anyOf: 'Backend language' },
      { group: 'Languages', name: 'Java', weight: 2, aliases: [], anyOf: 'backend  LANGUAGE' },
      { group: 'Tools', name: 'Git', weight: 1, aliases: [], anyOf: null },
    ];
    // Java 5 beats Python 2: the group (weight 3, its highest) earns 3 x 5/5; Git missing: 3 / 4.
    expect(matchSkills(languages, [{ name: 'Python', level: 2 }, { name: 'Java', level: 5 }])).toEqual({
      score: 0.75,
      matched: [{ group: 'Languages', name: 'Java', weight: 3, level: 5, matchedAs: 'Java', anyOf: 'Backend language' }],
      missing: [{ group: 'Tools', name: 'Git', weight: 1, anyOf: null }],
    });
    expect(matchSkills(languages, [{ name: 'Git', level: 5 }]).missing).toEqual([{ group: 'Languages', name: 'Python | Java', weight: 3, anyOf: 'Backend language' }]);
  });
});
