import type { z } from 'zod';

/** One bad input field, as BAD_USER_INPUT's `extensions.fields` lists them. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * A zod error as field issues named by dotted path (`criteria.0.anchors.1.description`), the way
 * the API reports them, so a form shows a client-side issue where the server's would go.
 */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.');
    const message = i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
    return { field: path || '(root)', message };
  });
}
