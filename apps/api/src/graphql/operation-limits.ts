import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '@app/common';
import { CUSTOM_INPUT_MAX_BYTES, LIMIT_DEFAULTS, SOURCE_MAX_BYTES } from '@app/sandbox';

/**
 * The largest JSON request body: a runCode at the source ceiling with custom input at its limit,
 * each allowed twice its size for JSON escaping (quotes, backslashes, newlines). Below it, the
 * input types bound each field (a problem definition: PROBLEM_DEFINITION_MAX_BYTES).
 */
export const REQUEST_BODY_MAX_BYTES = 2 * (SOURCE_MAX_BYTES + CUSTOM_INPUT_MAX_BYTES);

/** A problem document sent through GraphQL, as JSON (the request body once bounded it at 100 KB). */
export const PROBLEM_DEFINITION_MAX_BYTES = 100 * 1024;

/** Every limit one GraphQL operation meets, over HTTP and over graphql-ws alike. */
export interface OperationLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Characters of the query document, checked before it is parsed. */
  maxDocumentBytes: number;
  /** Lexical tokens of the document: graphql-js stops parsing past it. */
  maxTokens: number;
  /** Fragment definitions in one document. */
  maxFragments: number;
  /** Bytes of the JSON response (data and errors) of one operation, or of one subscription event. */
  maxResponseBytes: number;
}

/**
 * Costs of scalar fields whose values can be large, in the same unit as every other field (one
 * unit is a small value, up to about 256 bytes): the bound of the value in bytes divided by 256.
 * A coordinate missing from the schema fails a test, so a rename cannot silently drop a cost.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  // The default source limit (a problem may raise it; maxResponseBytes still bounds the response).
  'Submission.source': (LIMIT_DEFAULTS.sourceKb * 1024) / 256,
  'ReferenceSolution.source': 256,
  'Problem.definition': 400, // a problem document fits the 100 KB request body it came in
  'AttemptProblem.statement': 400,
  'Example.expected': 16,
  'TestResult.output': 16,
  'TestResult.actual': 16,
  'Submission.compileError': 16,
  'Job.about': 40,
  'JobTemplate.about': 40,
  'Assessment.instructions': 40,
  'Attempt.instructions': 40,
  'ShortlistEntry.explanation': 8,
  'Scorecard.notes': 16,
  'ScorecardVersion.notes': 16,
};

/** Lists without a page size whose length the domain bounds below the default assumption. */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'ShortlistEntry.components': 3, // skills, assessment, interview
};

/** How many items a list of objects without a `limit`/`first` argument is assumed to hold. */
export const DEFAULT_LIST_SIZE = 5;

/**
 * The least an item of a page costs, whatever it selects: resolvers load whole rows, so
 * `problems(limit: 200) { total }` loads 200 problems. This bounds the rows one operation can
 * load to maxComplexity / MIN_ITEM_COST (1,000 at the defaults).
 */
export const MIN_ITEM_COST = 20;

/** The page size assumed when a page-size argument has neither a value nor a default: PageArgs' maximum. */
export const MAX_PAGE_SIZE = 200;

/** The page-size arguments, in the order they are looked for. */
const PAGE_SIZE_ARGS = ['limit', 'first'] as const;

function pageSizeArg(field: GraphQLField<unknown, unknown>): string | undefined {
  return PAGE_SIZE_ARGS.find((name) => field.args.some((a) => a.name === name));
}

/**
 * The list fields of page types (JobPage.items, ShortlistConnection.entries, ...): their length is
 * the page size, already counted on the field that took `limit`/`first`, so they count once.
 */
function pageItemFields(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!pageSizeArg(field)) continue;
      const page = getNamedType(field.type);
      if (isListType(getNullableType(field.type)) || !isObjectType(page)) continue;
      for (const inner of Object.values(page.getFields())) {
        if (isListType(getNullableType(inner.type))) out.add(`${page.name}.${inner.name}`);
      }
    }
  }
  return out;
}

/**
 * The one cost rule for every field, so that a new paginated field is covered without code of
 * its own: a field costs its own price (1, or FIELD_COSTS) plus its children times how many
 * times they can appear: the `limit`/`first` asked (or its default, each item costing at least
 * MIN_ITEM_COST), a known list size, or DEFAULT_LIST_SIZE for any other list of objects.
 */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const pageItems = pageItemFields(schema);
  return ({ type, field, args, childComplexity }) => {
    const coordinate = `${type.name}.${field.name}`;
    // Introspection is free, as it is exempt from the depth limit: tools send deep but bounded
    // queries, and production turns introspection off.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return childComplexity;
    const own = FIELD_COSTS[coordinate] ?? 1;
    const sizeArg = pageSizeArg(field);
    let times = 1;
    if (sizeArg) {
      const value: unknown = args[sizeArg];
      // A page of 0 or less is refused by validation later; never let it discount the children.
      // Without a value or default, the resolver picks the size: assume the largest.
      times = typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.ceil(value)) : MAX_PAGE_SIZE;
      return own + times * Math.max(childComplexity, MIN_ITEM_COST);
    } else if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)) && !pageItems.has(coordinate)) {
      times = LIST_SIZES[coordinate] ?? DEFAULT_LIST_SIZE;
    }
    return own + times * childComplexity;
  };
}

export function tooComplex(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    originalError: new AppError(ErrorCode.QUERY_TOO_COMPLEX, message, details),
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
}

function badInput(problems: Array<{ field: string; message: string }>): GraphQLError {
  const app = AppError.badInput(problems);
  return new GraphQLError(app.message, { originalError: app, extensions: { code: app.code, http: { status: 400 } } });
}

/** Refuses a document too long to be worth parsing: before the parser allocates anything. */
export function checkDocumentSize(query: unknown, limits: Pick<OperationLimits, 'maxDocumentBytes'>): GraphQLError | undefined {
  if (typeof query !== 'string') return undefined;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= limits.maxDocumentBytes) return undefined;
  return tooComplex(`The query document is ${bytes} bytes, over the limit of ${limits.maxDocumentBytes}; send a smaller document`, {
    limit: 'documentBytes',
  });
}

/** graphql-js's own message when `maxTokens` stops the parser ("more that" sic; checked by a test). */
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) (\d+) tokens/;

/** The parser's token-limit error, with our code: it is a limit, not a syntax error. */
export function tokenLimitError(error: { message: string }): GraphQLError | undefined {
  const m = TOKEN_LIMIT_MESSAGE.exec(error.message);
  return m ? tooComplex(`The query document has more than ${m[1]} tokens; send a smaller document`, { limit: 'tokens' }) : undefined;
}

/**
 * Fields that share one response name in one selection set (inline fragments included). graphql-js
 * compares every pair of them when it validates (OverlappingFieldsCanBeMergedRule), so 200 copies
 * of `me { id email }` in a 3 KB document held the event loop for 0.1 to 0.9 s; 10 keep the worst
 * document within the token limit near 30 ms. Distinct aliases are never compared.
 */
export const MAX_SAME_RESPONSE_NAME = 10;

function sameNameOverflow(set: SelectionSetNode): string | undefined {
  const counts = new Map<string, number>();
  const nested: SelectionSetNode[] = [];
  const collect = (s: SelectionSetNode): string | undefined => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const over = collect(sel.selectionSet);
        if (over) return over;
      } else if (sel.kind === Kind.FIELD) {
        const name = sel.alias?.value ?? sel.name.value;
        const n = (counts.get(name) ?? 0) + 1;
        if (n > MAX_SAME_RESPONSE_NAME) return name;
        counts.set(name, n);
        if (sel.selectionSet) nested.push(sel.selectionSet);
      }
    }
    return undefined;
  };
  const over = collect(set);
  if (over) return over;
  for (const child of nested) {
    const inner = sameNameOverflow(child);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * What can be refused from the syntax alone, before graphql-js validates the document (whose
 * cost these bound): the number of fragment definitions and of fields sharing a response name.
 */
export function checkDocumentShape(document: DocumentNode, limits: Pick<OperationLimits, 'maxFragments'>): GraphQLError | undefined {
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  if (fragments > limits.maxFragments) {
    return tooComplex(`The document defines ${fragments} fragments, over the limit of ${limits.maxFragments}`, { limit: 'fragments' });
  }
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const name = sameNameOverflow(d.selectionSet);
    if (name) {
      return tooComplex(
        `The field "${name}" is selected more than ${MAX_SAME_RESPONSE_NAME} times in one selection set; select it once, or give each an alias`,
        { limit: 'sameResponseName' },
      );
    }
  }
  return undefined;
}

/**
 * Fields the document selects once every fragment spread is expanded, computed once per fragment
 * so it is linear in the document even when fragments fan out (F1 spreads F2 twice, F2 spreads
 * F3 twice, ...). It stops counting past `cap`.
 */
export function expandedFieldCount(doc: DocumentNode, op: OperationDefinitionNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const count = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += sel.name.value.startsWith('__') ? 0 : 1 + count(sel.selectionSet);
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet);
      else {
        const name = sel.name.value;
        if (!memo.has(name)) {
          const f = fragments.get(name);
          // A cycle is a validation error reported elsewhere; count it as nothing here.
          if (!f || onPath.has(name)) continue;
          onPath.add(name);
          memo.set(name, count(f.selectionSet));
          onPath.delete(name);
        }
        n += memo.get(name)!;
      }
      if (n > cap) return n;
    }
    return n;
  };
  return count(op.selectionSet);
}

/** Depth of the deepest selection, following fragments (memoized, so fan-out costs nothing). */
export function queryDepth(doc: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((o) => !operationName || o.name?.value === operationName) ?? ops[0];
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        // Introspection (__schema, __type) is exempt: tools send deep but bounded queries.
        if (sel.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + depth(sel.selectionSet));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depth(sel.selectionSet));
      } else {
        const name = sel.name.value;
        const f = fragments.get(name);
        if (!f || onPath.has(name)) continue;
        if (!memo.has(name)) {
          onPath.add(name);
          memo.set(name, depth(f.selectionSet));
          onPath.delete(name);
        }
        max = Math.max(max, memo.get(name)!);
      }
    }
    return max;
  };
  return op ? depth(op.selectionSet) : 0;
}

/**
 * Checks a parsed and validated operation against the limits and coerces its variables. Throws
 * a GraphQLError with a stable code: QUERY_TOO_COMPLEX for a limit, BAD_USER_INPUT (naming the
 * variable) for variables that do not fit their declared types. Returns the coerced variables
 * and the cost.
 */
export function checkOperation(
  args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variables?: Record<string, unknown> | null },
  limits: OperationLimits,
  estimator: ComplexityEstimator,
): { variables: Record<string, unknown>; complexity: number; operation: OperationDefinitionNode } {
  const { schema, document } = args;
  const shape = checkDocumentShape(document, limits);
  if (shape) throw shape;
  const operation = getOperationAST(document, args.operationName ?? undefined);
  if (!operation) throw badInput([{ field: 'operationName', message: 'names no operation of the document' }]);

  const depth = queryDepth(document, operation.name?.value);
  if (depth > limits.maxDepth) {
    throw tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { limit: 'depth' });
  }
  // Each field costs at least 1, so a document that expands past the complexity limit is refused
  // without walking it field by field (which is what fragment chains and fan-outs abuse).
  const expanded = expandedFieldCount(document, operation, limits.maxComplexity);
  if (expanded > limits.maxComplexity) {
    throw tooComplex(
      `Query complexity exceeds the limit of ${limits.maxComplexity}: it selects more than ${limits.maxComplexity} fields once its fragments are expanded`,
      { limit: 'complexity' },
    );
  }

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], args.variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) {
    throw badInput(
      coerced.errors.map((e) => {
        const name = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(e.message)?.[1];
        return { field: name ? `variables.${name}` : 'variables', message: e.message };
      }),
    );
  }

  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      operationName: operation.name?.value,
      query: document,
      // The raw values, now known to coerce: the walker coerces them again itself.
      variables: args.variables ?? {},
      estimators: [estimator],
      // Fields, spreads and inline fragments it visits: bounded above by the expanded count.
      maxQueryNodes: 4 * limits.maxComplexity + 1,
    });
  } catch (e) {
    if (e instanceof GraphQLError) throw tooComplex(`Query complexity could not be bounded: ${e.message}`, { limit: 'complexity' });
    throw e;
  }
  if (complexity > limits.maxComplexity) {
    throw tooComplex(
      `Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}; ask for smaller pages (limit/first), fewer fields or fewer aliases`,
      { limit: 'complexity', complexity, maxComplexity: limits.maxComplexity },
    );
  }
  return { variables: coerced.coerced, complexity, operation };
}

/** A response over the size limit: what the client gets instead of the data. */
export function responseTooLarge(limit: number): GraphQLError {
  return tooComplex(`The response is larger than the limit of ${limit} bytes; ask for smaller pages (limit/first) or fewer fields`, {
    limit: 'responseBytes',
  });
}
