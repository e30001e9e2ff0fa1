import { validate } from 'class-validator';
import { ProblemInput } from '../assessments/dto/problem.input';
import { MaxJsonBytes } from './max-json-bytes.validator';
import { PROBLEM_DEFINITION_MAX_BYTES } from './operation-limits';

class Probe {
  @MaxJsonBytes(10)
  value: unknown;
}

const messages = async (value: unknown): Promise<string[]> =>
  (await validate(Object.assign(new Probe(), { value }))).flatMap((e) => Object.values(e.constraints ?? {}));

describe('MaxJsonBytes', () => {
  it('counts the UTF-8 bytes of the JSON text', async () => {
    expect(await messages(['€€'])).toEqual([]); // ["€€"]: 10 bytes
    expect(await messages(['€€x'])).toEqual(['must be at most 0.009765625 KB as JSON']);
    expect(await messages({ a: 'xxxx' })).toHaveLength(1); // {"a":"xxxx"}: 12 bytes
  });

  it('bounds a problem definition sent through GraphQL at PROBLEM_DEFINITION_MAX_BYTES', async () => {
    const input = (statement: string) =>
      Object.assign(new ProblemInput(), { definition: { statement }, referenceSolutions: [{ language: 'javascript', source: 'x' }] });
    const errorsOf = async (statement: string) => (await validate(input(statement))).filter((e) => e.property === 'definition');
    expect(await errorsOf('x'.repeat(PROBLEM_DEFINITION_MAX_BYTES - 100))).toEqual([]);
    const [over] = await errorsOf('x'.repeat(PROBLEM_DEFINITION_MAX_BYTES));
    expect(over.constraints).toEqual({ maxJsonBytes: 'must be at most 100 KB as JSON' });
  });
});
