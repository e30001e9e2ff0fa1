import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, parse } from 'graphql';
import { checkDocumentShape, checkDocumentSize, OperationLimits, tokenLimitError } from './operation-limits';

/** What can be refused before graphql-js validates a document: its size, tokens and shape. */
export function documentRefusal(
  query: unknown,
  limits: Pick<OperationLimits, 'maxDocumentBytes' | 'maxTokens' | 'maxFragments'>,
): GraphQLError | undefined {
  if (typeof query !== 'string') return undefined;
  const tooLong = checkDocumentSize(query, limits);
  if (tooLong) return tooLong;
  try {
    return checkDocumentShape(parse(query, { maxTokens: limits.maxTokens }), limits);
  } catch (e) {
    // Any other syntax error is Apollo's to report (GRAPHQL_PARSE_FAILED).
    return e instanceof GraphQLError ? tokenLimitError(e) : undefined;
  }
}

/**
 * Refuses, on HTTP, a document that is too long or shaped to make validation slow, before
 * Apollo parses and validates it (Apollo's plugins only run after validation), with the error
 * shape Apollo itself answers. Runs after the JSON body parser (Nest middleware), so `req.body`
 * is read; GET requests carry the document in the query string. Parsing here costs about a
 * millisecond for the largest document allowed, and Apollo parses it again.
 */
export function documentSizeMiddleware(limits: Pick<OperationLimits, 'maxDocumentBytes' | 'maxTokens' | 'maxFragments'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown } | Array<{ query?: unknown }> | undefined;
    const queries = Array.isArray(body) ? body.map((b) => b?.query) : [body?.query, req.query?.query];
    for (const query of queries) {
      const error = documentRefusal(query, limits);
      if (error) {
        const details = (error.originalError as { details?: Record<string, unknown> } | undefined)?.details ?? {};
        res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, ...details } }] });
        return;
      }
    }
    next();
  };
}
