import type { NextFunction, Request, Response } from 'express';
import { checkDocumentSize, OperationLimits } from './operation-limits';

/**
 * Refuses an over-long GraphQL document on HTTP before Apollo parses it, with the error shape
 * Apollo itself answers. Runs after the JSON body parser (Nest middleware), so `req.body` is
 * read; GET requests carry the document in the query string.
 */
export function documentSizeMiddleware(limits: Pick<OperationLimits, 'maxDocumentBytes'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown } | Array<{ query?: unknown }> | undefined;
    const queries = Array.isArray(body) ? body.map((b) => b?.query) : [body?.query, req.query?.query];
    for (const query of queries) {
      const error = checkDocumentSize(query, limits);
      if (error) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, limit: 'documentBytes' } }] });
        return;
      }
    }
    next();
  };
}
