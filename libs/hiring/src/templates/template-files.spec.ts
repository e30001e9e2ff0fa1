import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnswerType, ScreeningQuestionKind } from '@app/domain';
import { defaultTemplatesDir, loadTemplateFiles, parseTemplate, TemplateFileError } from './template-files';

const builtIn = JSON.parse(fs.readFileSync(path.join(defaultTemplatesDir(), 'backend-engineer-intern.json'), 'utf8')) as Record<string, any>;
const withChange = (change: (doc: Record<string, any>) => void): string => {
  const doc = structuredClone(builtIn);
  change(doc);
  return JSON.stringify(doc);
};
const problemsOf = (file: string, text: string): { field: string; message: string }[] => {
  try {
    parseTemplate(file, text);
  } catch (e) {
    if (e instanceof TemplateFileError) return e.problems;
    throw e;
  }
  throw new Error('expected the template to be refused');
};

describe('job template files', () => {
  it('loads the built-in Backend Engineer Intern template as the job description has it', () => {
    const t = loadTemplateFiles().find((f) => f.key === 'backend-engineer-intern')!;
    expect(t.name).toBe('Backend Engineer Intern');
    const c = t.content;
    expect([c.title, c.location, c.employmentType]).toEqual(['Backend Engineer Intern', 'Hybrid/Remote (with occasional onsite meetings)', 'Full-time Internship']);
    expect(c.responsibilities).toHaveLength(8);
    expect(c.qualifications).toContain('Currently pursuing BS/MS in Computer Science or related field');
    expect(c.prerequisites).toContain('Authorization to work in the country of employment');
    const groups = new Map<string, string[]>();
    for (const s of c.hardSkills) groups.set(s.group, [...(groups.get(s.group) ?? []), s.name]);
    expect(Object.fromEntries(groups)).toEqual({
      'Programming Languages': ['Python', 'Java', 'Node.js'],
      'Database Technologies': ['SQL', 'NoSQL', 'Redis'],
      'Web Frameworks': ['Django', 'Spring Boot', 'Express'],
      'API Development': ['REST', 'GraphQL'],
      'Version Control': ['Git', 'GitHub'],
      Testing: ['Unit Testing', 'Integration Testing'],
      'Cloud Services': ['AWS', 'GCP basics'],
      'Development Tools': ['Docker', 'Postman'],
    });
    expect(c.softSkills).toHaveLength(8);
    expect(c.tools.map((x) => x.category)).toEqual(['IDEs', 'Version Control', 'Databases', 'API Testing', 'Cloud Platforms', 'CI/CD', 'Monitoring', 'Documentation']);
    expect(c.tools.find((x) => x.category === 'CI/CD')!.items).toEqual(['Jenkins', 'GitHub Actions']);
    expect(c.perks).toEqual(['Competitive internship compensation', 'Mentorship from senior engineers', 'Professional development opportunities', 'Flexible work arrangements']);
    const knockouts = c.screeningQuestions.filter((q) => q.kind === ScreeningQuestionKind.KNOCKOUT);
    expect(knockouts.map((q) => [q.key, q.answerType])).toEqual([
      ['work-authorization', AnswerType.BOOLEAN],
      ['availability-months', AnswerType.NUMBER],
    ]);
    // Only prerequisites ("before you even think of hiring") knock out, each with its justification;
    // qualifications (what a candidate "typically brings", the degree among them) inform the score.
    expect(knockouts.every((q) => q.source?.startsWith('Prerequisite:') && (q.justification?.length ?? 0) >= 20)).toBe(true);
    expect(c.screeningQuestions.find((q) => q.key === 'degree-program')!.kind).toBe(ScreeningQuestionKind.SCORED);
    expect(c.screeningQuestions.filter((q) => q.answerType === AnswerType.TEXT).map((q) => q.kind)).toEqual([
      ScreeningQuestionKind.INFORMATIONAL,
      ScreeningQuestionKind.INFORMATIONAL,
    ]);
    expect(knockouts[0].rule).toEqual({
      requiredAnswer: true,
      acceptedValues: [],
      reviewValues: [],
      passAt: null,
      minLength: null,
      weight: 0,
      rejectionReason: 'not authorized to work in the country of employment',
    });
    expect(c.screeningQuestions.filter((q) => q.kind === ScreeningQuestionKind.SCORED).every((q) => q.rule.weight > 0)).toBe(true);
  });

  it('names the file and the field of every problem', () => {
    const file = '/x/templates/broken.json';
    const problems = problemsOf(
      file,
      withChange((d) => {
        delete d.title;
        d.screeningQuestions[2].rule.acceptedValues = ['Yes, in Computer Science', 'Maybe'];
        d.hardSkills[1].weight = 0;
        d.surprise = true;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'title', message: expect.stringMatching(/expected string/) },
        { field: 'screeningQuestions.2.rule.acceptedValues.1', message: '"Maybe" is not one of the options' },
        { field: 'hardSkills.1.weight', message: 'must be greater than 0' },
        { field: '(root)', message: 'unknown field(s) "surprise"' },
      ]),
    );
    expect(() => parseTemplate(file, withChange((d) => delete d.title))).toThrow(/^Invalid job template \/x\/templates\/broken\.json: title: /);
  });

  it('refuses knock-outs without a rule that can fail, and rules that do not fit the answer type', () => {
    const problems = problemsOf(
      'rules.json',
      withChange((d) => {
        delete d.screeningQuestions[0].rule.rejectionReason;
        d.screeningQuestions[1].rule.passAt = null;
        d.screeningQuestions[5].rule.minLength = 10;
        d.screeningQuestions[7].kind = 'KNOCKOUT';
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'screeningQuestions.0.rule.rejectionReason', message: 'a knock-out question needs the reason shown when it fails' },
        { field: 'screeningQuestions.1.rule.passAt', message: 'a NUMBER knock-out needs passAt' },
        { field: 'screeningQuestions.5.rule.minLength', message: 'free-text answers are not scored by their length: a person reads them (remove minLength)' },
        { field: 'screeningQuestions.7.answerType', message: 'a knock-out question cannot be TEXT: free text has no pass/fail rule' },
        { field: 'screeningQuestions.7.justification', message: 'a knock-out needs a job-related justification: why can the job not be done without it?' },
      ]),
    );
  });

  it('refuses scoring free text (reviewers read it) and weights on informational questions', () => {
    const problems = problemsOf(
      'text.json',
      withChange((d) => {
        d.screeningQuestions[7].kind = 'SCORED';
        d.screeningQuestions[7].rule = { weight: 2 };
        d.screeningQuestions[8].rule = { weight: 1 };
      }),
    );
    expect(problems).toEqual([
      { field: 'screeningQuestions.7.kind', message: 'a free-text answer cannot be scored automatically: make the question INFORMATIONAL (reviewers read the answer)' },
      { field: 'screeningQuestions.8.rule.weight', message: 'an informational question carries no weight (it is not scored)' },
    ]);
  });

  it.each([
    ['How old are you?', 'age ("how old")'],
    ['What year did you graduate from high school?', 'graduation year (a proxy for age) ("year did you graduate")'],
    ['Are you a citizen of Canada?', 'nationality or citizenship (beyond work authorization) ("citizen")'],
    ['Is English your native language?', 'native language (a proxy for national origin) ("native language")'],
    ['Do you have children?', 'marital or family status ("children")'],
    ['Do you have a disability that would prevent you from working?', 'disability or health ("disability")'],
    ['Please confirm you will attach a photo', 'a photo ("photo")'],
  ])('refuses a knock-out on a protected or proxy trait: %s', (prompt, named) => {
    const problems = problemsOf('traits.json', withChange((d) => (d.screeningQuestions[0].prompt = prompt)));
    expect(problems).toEqual([
      {
        field: 'screeningQuestions.0.prompt',
        message: `a knock-out cannot screen on ${named}: it is a protected or proxy trait. Ask only what the job requires (e.g. authorization to work, not citizenship), or remove the question`,
      },
    ]);
  });

  it('allows work authorization, and protected words in options of a knock-out are refused too', () => {
    expect(() => parseTemplate('ok.json', withChange((d) => (d.screeningQuestions[0].prompt = 'Are you legally authorized to work in Germany?')))).not.toThrow();
    const problems = problemsOf(
      'options.json',
      withChange((d) => {
        const q = d.screeningQuestions[1];
        Object.assign(q, { answerType: 'CHOICE', min: null, max: null, options: ['Under 30', 'Over 30'], rule: { acceptedValues: ['Under 30'], rejectionReason: 'too old' } });
      }),
    );
    expect(problems).toContainEqual({ field: 'screeningQuestions.1.options.0', message: expect.stringMatching(/^a knock-out cannot screen on age \("under 30"\)/) });
  });

  it('refuses two questions with one key', () => {
    const problems = problemsOf('keys.json', withChange((d) => (d.screeningQuestions[3].key = 'work-authorization')));
    expect(problems).toEqual([{ field: 'screeningQuestions.3.key', message: '"work-authorization" is already the key of question 0' }]);
  });

  it('refuses one spelling standing for two skills', () => {
    const problems = problemsOf('skills.json', withChange((d) => d.hardSkills[4].aliases.push('postgres')));
    expect(problems).toEqual([{ field: 'hardSkills.4.aliases.5', message: '"postgres" already stands for "SQL"' }]);
  });

  it('reports a file that is not JSON, or badly named', () => {
    expect(problemsOf('bad.json', '{ "name": ')).toEqual([{ field: '(document)', message: expect.stringMatching(/^not valid JSON/) }]);
    expect(problemsOf('Bad Name.json', JSON.stringify(builtIn))).toEqual([
      { field: '(file name)', message: 'must be lower-case letters, digits and dashes, ending in .json' },
    ]);
  });

  it('loads every JSON file of a folder, so a template is added by adding a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-templates-'));
    fs.writeFileSync(path.join(dir, 'b-second.json'), withChange((d) => (d.name = 'Second')));
    fs.writeFileSync(path.join(dir, 'a-first.json'), withChange((d) => (d.name = 'First')));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    expect(loadTemplateFiles(dir).map((t) => [t.key, t.name])).toEqual([
      ['a-first', 'First'],
      ['b-second', 'Second'],
    ]);
    fs.writeFileSync(path.join(dir, 'c-broken.json'), withChange((d) => (d.screeningThreshold = 2)));
    expect(() => loadTemplateFiles(dir)).toThrow(/c-broken\.json: screeningThreshold: /);
  });
});
