import * as fs from 'node:fs';
import { projectPath } from '@app/common';
import { CitationKind, InterviewKind, RedFlagSeverity } from '@app/domain';
import { loadTemplateFiles } from '@app/hiring';
import { loadRubricFiles, parseRubricFile, RubricFileError } from './rubric-files';

const [rubric] = loadRubricFiles();

/** The FAQ of the job description, verbatim, one answer per paragraph. */
const faqSentences = fs
  .readFileSync(projectPath('libs/rubrics/data/sources/backend-engineer-intern-faq.txt'), 'utf8')
  .split(/\n\s*\n/)
  .slice(1)
  .flatMap((p) => p.trim().split(/(?<=\.)\s+/));

/** The requirements of the job description, as the hiring template copies them. */
const template = loadTemplateFiles().find((t) => t.key === 'backend-engineer-intern')!.content;
const requirements = new Set([...template.responsibilities, ...template.qualifications, ...template.prerequisites, ...template.softSkills]);

describe('the default rubric (data/rubrics/backend-engineer-intern.json)', () => {
  it('loads and validates', () => {
    expect(loadRubricFiles().map((r) => r.key)).toEqual(['backend-engineer-intern']);
    expect(rubric.name).toBe('Backend Engineer Intern');
    expect(faqSentences).toHaveLength(10);
  });

  it('quotes, for every criterion and red flag, a whole FAQ sentence or a job requirement verbatim', () => {
    for (const item of [...rubric.content.criteria, ...rubric.content.redFlags]) {
      const { kind, quote } = item.source;
      if (kind === CitationKind.FAQ) expect([item.key, faqSentences.includes(quote)]).toEqual([item.key, true]);
      else expect([item.key, requirements.has(quote)]).toEqual([item.key, true]);
    }
  });

  it('covers the FAQ guidance and requirements with criteria of each interview kind', () => {
    const keys = (kind: InterviewKind) => rubric.content.criteria.filter((c) => c.kind === kind).map((c) => c.key);
    expect(keys(InterviewKind.CODING_FUNDAMENTALS)).toEqual([
      'fundamentals-over-frameworks',
      'data-structures-and-algorithms',
      'problem-solving-approach',
      'practical-coding-experience',
      'clean-maintainable-code',
    ]);
    expect(keys(InterviewKind.SYSTEM_DESIGN)).toEqual(['api-design', 'data-modeling-and-queries', 'curiosity-about-systems']);
    expect(keys(InterviewKind.BEHAVIORAL)).toEqual([
      'learning-approach',
      'past-challenges',
      'development-goals',
      'communication',
      'teamwork',
      'receptiveness-to-feedback',
    ]);
    for (const c of rubric.content.criteria) expect(c.anchors.map((a) => a.level)).toEqual([1, 2, 3, 4]);
  });

  it('makes the five red flags of the FAQ first-class, each with a severity', () => {
    expect(rubric.content.redFlags.map((f) => [f.key, f.severity])).toEqual([
      ['cannot-explain-basic-concepts', RedFlagSeverity.CRITICAL],
      ['no-interest-in-how-systems-work', RedFlagSeverity.MEDIUM],
      ['resistance-to-feedback', RedFlagSeverity.HIGH],
      ['poor-communication', RedFlagSeverity.HIGH],
      ['cannot-work-in-teams', RedFlagSeverity.HIGH],
    ]);
    expect(rubric.content.redFlags.every((f) => f.source.kind === CitationKind.FAQ)).toBe(true);
  });
});

describe('rubric files', () => {
  const valid = JSON.parse(fs.readFileSync(projectPath('libs/rubrics/data/rubrics/backend-engineer-intern.json'), 'utf8'));

  it('name the file and each bad field', () => {
    const doc = structuredClone(valid);
    doc.criteria[1].anchors[2].description = 'good';
    doc.criteria[3].anchors = doc.criteria[3].anchors.slice(0, 3);
    doc.redFlags[0].source = { kind: 'BLOG', quote: 'Someone said so on the internet' };
    let error: RubricFileError | undefined;
    try {
      parseRubricFile('x/custom.json', JSON.stringify(doc));
    } catch (e) {
      error = e as RubricFileError;
    }
    expect(error).toBeInstanceOf(RubricFileError);
    expect(error!.problems.map((p) => p.field)).toEqual([
      'criteria.1.anchors.2.description',
      'criteria.3.anchors',
      'redFlags.0.source.kind',
    ]);
    expect(error!.message).toMatch(/^Invalid rubric x\/custom.json: criteria.1.anchors.2.description: "good" is a generic label/);
  });

  it('refuse a key used twice', () => {
    const doc = structuredClone(valid);
    doc.redFlags.push({ ...doc.redFlags[1] });
    doc.criteria[5].key = doc.criteria[0].key;
    expect(() => parseRubricFile('custom.json', JSON.stringify(doc))).toThrow(
      'Invalid rubric custom.json: criteria.5.key: "fundamentals-over-frameworks" is already the key of criteria.0; redFlags.5.key: "no-interest-in-how-systems-work" is already the key of redFlags.1',
    );
  });

  it('refuse anchors out of order or repeated, and unknown fields', () => {
    const doc = structuredClone(valid);
    [doc.criteria[0].anchors[0].level, doc.criteria[0].anchors[1].level] = [2, 1];
    doc.criteria[2].anchors[3].description = doc.criteria[2].anchors[0].description;
    doc.criteria[4].rating = 3;
    expect(() => parseRubricFile('custom.json', JSON.stringify(doc))).toThrow(
      'Invalid rubric custom.json: criteria.0.anchors.0.level: must be 1: anchors list levels 1 to 4 in order; criteria.0.anchors.1.level: must be 2: anchors list levels 1 to 4 in order; criteria.2.anchors.3.description: repeats level 1: each level needs its own behaviour; criteria.4: unknown field(s) "rating"',
    );
  });
});
