import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
} from 'graphql';
import { Logger } from '@app/common';
import { loadConfig } from '@app/config';
import { formatError } from './errors';
import {
  checkDocumentShape,
  checkDocumentSize,
  checkOperation,
  costEstimator,
  DEFAULT_LIST_SIZE,
  expandedFieldCount,
  FIELD_COSTS,
  LIST_SIZES,
  MAX_PAGE_SIZE,
  MAX_SAME_RESPONSE_NAME,
  MIN_ITEM_COST,
  OperationLimits,
  queryDepth,
  tokenLimitError,
} from './operation-limits';

const ROOT = path.resolve(__dirname, '../../../..');
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
const estimator = costEstimator(schema);
const defaults: OperationLimits = loadConfig({}).graphql;

function check(query: string, variables: Record<string, unknown> = {}, limits: Partial<OperationLimits> = {}) {
  return checkOperation({ schema, document: parse(query), variables }, { ...defaults, ...limits }, estimator);
}

function refusal(fn: () => unknown): { code: unknown; message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    const err = e as GraphQLError;
    const original = err.originalError as { code?: string; details?: Record<string, unknown> } | undefined;
    return { code: err.extensions.code, message: err.message, extensions: { ...original?.details } };
  }
  throw new Error('expected a refusal');
}

/**
 * Every GraphQL document literal of the web app (its pages and api.ts; not the generated
 * `gql/`), with the fragments it spreads appended, as the client sends it.
 */
function webDocuments(): Array<{ file: string; query: string }> {
  const dir = path.join(ROOT, 'apps/web/src');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith(`gql${path.sep}`));
  const texts = files.map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
  const fragments = new Map(
    texts.flatMap(({ text }) => [...text.matchAll(/`\s*(fragment\s+(\w+)\s+on\b[^`]*)`/g)].map((m) => [m[2], m[1]] as const)),
  );
  const withFragments = (query: string, seen = new Set<string>()): string => {
    const used = [...query.matchAll(/\.\.\.\s*(\w+)/g)].map((m) => m[1]).filter((n) => fragments.has(n) && !seen.has(n));
    used.forEach((n) => seen.add(n));
    return [query, ...used.map((n) => withFragments(fragments.get(n)!, seen))].join('\n');
  };
  const out: Array<{ file: string; query: string }> = [];
  for (const { file, text } of texts) {
    for (const m of text.matchAll(/(['`])\s*((?:query|mutation|subscription)\b[^'`]*?|\{\s*[a-zA-Z_][^'`]*\})\s*\1/g)) {
      if (m[2].includes('${')) continue;
      try {
        parse(m[2]);
        out.push({ file, query: withFragments(m[2]) });
      } catch {
        /* not GraphQL */
      }
    }
  }
  return out;
}

/** A value of the type, with only the required input fields, to price a document's variables. */
function sample(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [];
  const named = getNamedType(t);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  return { Int: 1, Float: 1, Boolean: true, JSON: {} }[named.name] ?? 'x';
}

function sampleVariables(query: string): Record<string, unknown> {
  const op = parse(query).definitions[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) return {};
  return Object.fromEntries(
    (op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
  );
}

describe('the web app', () => {
  const docs = webDocuments();

  it('has its documents found by this test', () => {
    expect(docs.length).toBeGreaterThan(30);
    expect(docs.some((d) => d.query.startsWith('subscription'))).toBe(true);
    expect(docs.some((d) => /shortlist\(\s*jobId: \$job\s*first: 100/.test(d.query.replace(/,/g, '')))).toBe(true);
  });

  it('sends only documents within the default limits, with room to spare', () => {
    for (const d of docs) {
      const { complexity } = check(d.query, sampleVariables(d.query));
      // Twice the costliest page today: a page that grows a little does not break.
      expect({ file: d.file, complexity: complexity * 2 <= defaults.maxComplexity }).toEqual({ file: d.file, complexity: true });
      expect(Buffer.byteLength(d.query)).toBeLessThan(defaults.maxDocumentBytes / 4);
    }
  });
});

describe('cost of lists', () => {
  it('multiplies a page by the limit asked, or by the default of the argument', () => {
    const item = '{ id title about employmentType location perks publishedAt status createdAt updatedAt }';
    const itemCost = 1 /* items */ + 9 + FIELD_COSTS['Job.about'];
    expect(itemCost).toBeGreaterThan(MIN_ITEM_COST);
    expect(check(`{ jobs(limit: 10) { items ${item} } }`).complexity).toBe(1 + 10 * itemCost);
    expect(check(`{ jobs(limit: 200) { items ${item} } }`).complexity).toBe(1 + 200 * itemCost);
    expect(check(`{ jobs { items ${item} } }`).complexity).toBe(1 + 50 * itemCost);
  });

  it('prices each item of a page at least MIN_ITEM_COST: resolvers load whole rows', () => {
    expect(check('{ jobs(limit: 10) { items { id title } } }').complexity).toBe(1 + 10 * MIN_ITEM_COST);
    expect(check('query($n: Int!) { jobs(limit: $n) { total } }', { n: 120 }).complexity).toBe(1 + 120 * MIN_ITEM_COST);
    expect(check('query($job: ID!) { shortlist(jobId: $job, first: 7) { totalCount } }', { job: 'j' }).complexity).toBe(
      1 + 7 * MIN_ITEM_COST,
    );
    // So one operation loads at most maxComplexity / MIN_ITEM_COST rows through pages.
    const aliases = Array.from({ length: 6 }, (_, i) => `p${i}: problems(limit: 200) { total }`).join(' ');
    expect(refusal(() => check(`{ ${aliases} }`)).code).toBe('QUERY_TOO_COMPLEX');
  });

  it('assumes the largest page for a page-size argument with neither a value nor a default', () => {
    const custom = buildSchema(`
      type Item { id: ID }
      type Page { total: Int items: [Item!]! }
      type Query { things(first: Int): Page }
    `);
    const document = parse('{ things { items { id } } }');
    expect(checkOperation({ schema: custom, document }, defaults, costEstimator(custom)).complexity).toBe(
      1 + MAX_PAGE_SIZE * MIN_ITEM_COST,
    );
  });

  it('never lets a page of zero or less discount the children', () => {
    expect(check('{ jobs(limit: 0) { items { id title } } }').complexity).toBe(1 + MIN_ITEM_COST);
    expect(check('{ jobs(limit: -5) { items { id title } } }').complexity).toBe(1 + MIN_ITEM_COST);
  });

  it('assumes DEFAULT_LIST_SIZE items for a list without a page size, and prices large fields', () => {
    expect(check('{ problem(id: "p") { definition referenceSolutions { source } } }').complexity).toBe(
      1 + FIELD_COSTS['Problem.definition'] + 1 + DEFAULT_LIST_SIZE * FIELD_COSTS['ReferenceSolution.source'],
    );
  });

  it("refuses the interviewer's 493 MB request (300 aliases of problems(limit: 200) with definitions and sources)", () => {
    const one = 'problems(limit: 200) { items { definition referenceSolutions { source } } }';
    const alone = refusal(() => check(`{ ${one} }`));
    expect(alone.code).toBe('QUERY_TOO_COMPLEX');
    expect(alone.message).toMatch(/^Query complexity \d+ exceeds the limit of 20000; ask for smaller pages/);
    const aliased = Array.from({ length: 300 }, (_, i) => `p${i}: ${one}`).join(' ');
    expect(refusal(() => check(`{ ${aliased} }`)).code).toBe('QUERY_TOO_COMPLEX');
  });

  it("refuses a candidate's request for every source of every attempt, aliased", () => {
    const aliased = Array.from({ length: 50 }, (_, i) => `a${i}: myAttempts { submissions { source } }`).join(' ');
    expect(refusal(() => check(`{ ${aliased} }`)).code).toBe('QUERY_TOO_COMPLEX');
    expect(
      refusal(() =>
        check(`subscription { submissionUpdated(id: "s") { ${Array.from({ length: 200 }, (_, i) => `s${i}: source`).join(' ')} } }`),
      ).code,
    ).toBe('QUERY_TOO_COMPLEX');
  });

  it('names only coordinates that exist in the schema, so a rename cannot drop a cost', () => {
    for (const coordinate of [...Object.keys(FIELD_COSTS), ...Object.keys(LIST_SIZES)]) {
      const [type, field] = coordinate.split('.');
      const t = schema.getType(type);
      expect({ coordinate, exists: !!t && 'getFields' in t && field in t.getFields() }).toEqual({ coordinate, exists: true });
    }
  });
});

describe('variables', () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['an unknown enum value', 'query($s: JobStatus) { jobs(status: $s) { total } }', { s: 'X' }, 'variables.s'],
    ['an Int over 2^31', 'query($n: Int!) { jobs(limit: $n) { total } }', { n: 2 ** 31 }, 'variables.n'],
    ['null for a non-null variable', 'query($n: Int!) { jobs(limit: $n) { total } }', { n: null }, 'variables.n'],
    ['a missing required variable', 'query($id: ID!) { job(id: $id) { id } }', {}, 'variables.id'],
    [
      'an unknown input field',
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: { email: 'a@b.co', password: 'x', extra: 1 } },
      'variables.i',
    ],
  ];
  it.each(cases)('answers BAD_USER_INPUT naming the variable for %s', (_what, query, variables, field) => {
    const r = refusal(() => check(query, variables));
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.extensions.fields).toEqual([expect.objectContaining({ field })]);
  });
});

describe('refusals as the client sees them', () => {
  it('keep their code and are never logged as errors', () => {
    const error = jest.fn();
    const logger = { error } as unknown as Logger;
    const refusals = [
      () => check('query($s: JobStatus) { jobs(status: $s) { total } }', { s: 'X' }),
      () => check('{ problems(limit: 200) { items { definition } } }'),
      () => check('{ a { b { c { d { e { f { g { h { i { j { k { l } } } } } } } } } } } }'),
    ];
    const codes = refusals.map((fn) => {
      try {
        fn();
      } catch (e) {
        const err = e as GraphQLError;
        return formatError(err.toJSON(), err, { exposeInternals: false, logger }).extensions?.code;
      }
      return undefined;
    });
    expect(codes).toEqual(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_COMPLEX']);
    expect(error).not.toHaveBeenCalled();
  });
});

describe('documents', () => {
  it('refuses an over-long document before parsing it', () => {
    expect(checkDocumentSize('{ me { id } }', defaults)).toBeUndefined();
    const err = checkDocumentSize(`{ ${'me { id } '.repeat(12_000)} }`, defaults)!;
    expect(err.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(err.message).toMatch(/^The query document is 120\d{3} bytes, over the limit of 16384/);
  });

  it("maps graphql-js's token limit to QUERY_TOO_COMPLEX", () => {
    let parseError: Error | undefined;
    try {
      parse(`{ ${'a '.repeat(200)} }`, { maxTokens: 100 });
    } catch (e) {
      parseError = e as Error;
    }
    const mapped = tokenLimitError(parseError!)!;
    expect(mapped.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(mapped.message).toBe('The query document has more than 100 tokens; send a smaller document');
    expect(tokenLimitError(new Error('Syntax Error: Expected Name, found <EOF>.'))).toBeUndefined();
  });

  it('refuses a chain of 2,000 fragments by counting them, without walking it', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => `fragment F${i} on Query { ${i === 1999 ? 'me { id }' : `...F${i + 1}`} }`).join(
      '\n',
    );
    // On the API the 72 KB document is refused before parsing (document size); parsed, it is
    // refused before anything walks it (the complexity walker overflowed the stack on it).
    const document = parse(`{ ...F0 }\n${chain}`);
    const r = refusal(() => checkOperation({ schema, document }, defaults, estimator));
    expect(r.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.message).toBe(`The document defines 2000 fragments, over the limit of ${defaults.maxFragments}`);
    // The most fragments configuration allows (GRAPHQL_MAX_FRAGMENTS <= 200), chained, are walked
    // without exhausting the stack.
    const longest = Array.from({ length: 200 }, (_, i) => `fragment F${i} on Query { ${i === 199 ? 'me { id }' : `...F${i + 1}`} }`).join(
      '\n',
    );
    expect(
      checkOperation({ schema, document: parse(`{ ...F0 }\n${longest}`) }, { ...defaults, maxFragments: 200 }, estimator).complexity,
    ).toBe(2);
  });

  it('refuses more than MAX_SAME_RESPONSE_NAME fields of one response name in a selection set, before validation', () => {
    const rep = (n: number, text: string) => Array.from({ length: n }, () => text).join(' ');
    const refused = checkDocumentShape(parse(`{ ${rep(200, 'me { id email }')} }`), defaults)!;
    expect(refused.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.message).toBe(
      'The field "me" is selected more than 10 times in one selection set; select it once, or give each an alias',
    );
    // Inline fragments share their parent's selection set; nested sets are checked too.
    expect(checkDocumentShape(parse(`{ ${rep(11, '... on Query { me { id } }')} }`), defaults)?.message).toMatch(/^The field "me"/);
    expect(checkDocumentShape(parse(`{ me { ${rep(11, 'id')} } }`), defaults)?.message).toMatch(/^The field "id"/);
    expect(checkDocumentShape(parse(`query { ...F } fragment F on Query { me { ${rep(11, 'email')} } }`), defaults)?.message).toMatch(
      /^The field "email"/,
    );
    expect(checkDocumentShape(parse(`{ ${rep(MAX_SAME_RESPONSE_NAME, 'me { id }')} }`), defaults)).toBeUndefined();
    expect(
      checkDocumentShape(parse(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: me { id }`).join(' ')} }`), defaults),
    ).toBeUndefined();
  });

  it('counts fragments that fan out once each, not once per path', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 paths.
    const fan = Array.from({ length: 41 }, (_, i) =>
      i === 40 ? 'fragment F40 on Query { me { id } }' : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const doc = parse(`{ ...F0 }\n${fan.join('\n')}`);
    const op = doc.definitions[0];
    if (op.kind !== Kind.OPERATION_DEFINITION) throw new Error('operation first');
    // Walked path by path this would not finish (2^40): the test's timeout is the assertion.
    expect(expandedFieldCount(doc, op, 20_000)).toBeGreaterThan(20_000);
    expect(queryDepth(doc)).toBe(2);
    const r = refusal(() => check(`{ ...F0 }\n${fan.join('\n')}`, {}, { maxFragments: 50 }));
    expect(r.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.message).toMatch(/^Query complexity exceeds the limit of 20000: it selects more than 20000 fields/);
  });
});
