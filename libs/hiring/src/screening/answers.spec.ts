import { loadTemplateFiles } from '../templates/template-files';
import { parseAnswers } from './answers';

const questions = loadTemplateFiles().find((t) => t.key === 'backend-engineer-intern')!.content.screeningQuestions;
const REQUIRED = {
  'work-authorization': 'true',
  'availability-months': '6',
  'degree-program': 'Yes, in Computer Science',
  'backend-language-proficiency': '4',
  'sql-experience': 'None yet',
  'git-experience': 'true',
  'dsa-self-assessment': '3',
  'problem-solving-example': 'A bug I fixed',
};
const raw = (o: Record<string, string>) => Object.entries(o).map(([questionKey, value]) => ({ questionKey, value }));

describe('parseAnswers', () => {
  it('types every answer by its question and returns them in the questions order', () => {
    const r = parseAnswers(questions, raw({ ...REQUIRED, 'teamwork-example': '  We split the work.  ' }).reverse());
    expect(r).toEqual({
      ok: true,
      answers: [
        { questionKey: 'work-authorization', value: true },
        { questionKey: 'availability-months', value: 6 },
        { questionKey: 'degree-program', value: 'Yes, in Computer Science' },
        { questionKey: 'backend-language-proficiency', value: 4 },
        { questionKey: 'sql-experience', value: 'None yet' },
        { questionKey: 'git-experience', value: true },
        { questionKey: 'dsa-self-assessment', value: 3 },
        { questionKey: 'problem-solving-example', value: 'A bug I fixed' },
        { questionKey: 'teamwork-example', value: 'We split the work.' },
      ],
    });
  });

  it('names the field of an unknown question, a repeated one and a badly typed value', () => {
    const r = parseAnswers(questions, [
      ...raw(REQUIRED),
      { questionKey: 'favourite-colour', value: 'blue' },
      { questionKey: 'git-experience', value: 'false' },
    ]);
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'answers.8.questionKey', message: '"favourite-colour" is not a screening question of this job' },
        { field: 'answers.9.questionKey', message: '"git-experience" is answered more than once' },
      ],
    });
    const typed = parseAnswers(questions, raw({ ...REQUIRED, 'work-authorization': 'maybe', 'availability-months': '99', 'degree-program': 'PhD' }));
    expect(typed.ok).toBe(false);
    expect(!typed.ok && typed.problems).toEqual([
      { field: 'answers.0.value', message: 'answer to "work-authorization" must be true or false' },
      { field: 'answers.1.value', message: 'answer to "availability-months" must be between 0 and 24' },
      {
        field: 'answers.2.value',
        message:
          'answer to "degree-program" must be one of: "Yes, in Computer Science", "Yes, in a related field (e.g. Software Engineering, Computer Engineering, Mathematics)", "Yes, in another field", "No"',
      },
    ]);
  });

  it('reports each missing required answer (an empty text counts as missing) but not optional ones', () => {
    const { 'work-authorization': _a, ...rest } = REQUIRED;
    const r = parseAnswers(questions, raw({ ...rest, 'problem-solving-example': '   ' }));
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'answers', message: 'the required question "work-authorization" is not answered' },
        { field: 'answers', message: 'the required question "problem-solving-example" is not answered' },
      ],
    });
  });

  it('refuses a number written as anything but digits', () => {
    const r = parseAnswers(questions, raw({ ...REQUIRED, 'availability-months': '3 months' }));
    expect(!r.ok && r.problems).toEqual([{ field: 'answers.1.value', message: 'answer to "availability-months" must be a number' }]);
  });
});
