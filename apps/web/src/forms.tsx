import type { ReactNode } from 'react';
import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '@app/contracts';
import { ApiError } from './api';

export type { FieldIssue };

/**
 * Field issues of a form, from the shared zod schemas before sending or from the API's
 * BAD_USER_INPUT (`extensions.fields`) after. Paths are compared dotted: the API writes some as
 * `tests[3].expected` (the judge's schema) and others as `criteria.0.key` (class-validator, zod).
 */
export const dotted = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

export function issuesOf(e: unknown): FieldIssue[] {
  return e instanceof ApiError ? e.fields.map((f) => ({ field: dotted(f.field), message: f.message })) : [];
}

/** Runs a shared schema on what the form would send: null when it passes, else its issues as the API would name them. */
export function check(schema: z.ZodType, value: unknown, prefix = ''): FieldIssue[] | null {
  const r = schema.safeParse(value);
  return r.success ? null : fieldIssues(r.error, prefix);
}

/** The error shown above the submit button when the form refuses to send: every issue, in one line. */
export function issuesError(issues: FieldIssue[]): Error {
  return new Error(
    `Please correct ${issues.length === 1 ? 'this field' : `these ${issues.length} fields`}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
  );
}

/**
 * Props that tie an input to its issues (`aria-invalid`, `aria-describedby`) and the message to
 * show beside it. `under` also gathers the issues of everything inside the field (a JSON
 * textarea of tests shows `1.expected: is required`).
 */
export function fieldOf(issues: FieldIssue[], field: string, id: string, under = false): { input: InputProps; message: ReactNode } {
  const messages = issues.flatMap((i) => {
    if (i.field === field) return [i.message];
    if (under && i.field.startsWith(`${field}.`)) return [`${i.field.slice(field.length + 1)}: ${i.message}`];
    return [];
  });
  if (!messages.length) return { input: { id }, message: null };
  return {
    input: { id, 'aria-invalid': true, 'aria-describedby': `${id}-error` },
    message: (
      <span id={`${id}-error`} className="field-error">
        {messages.join('; ')}
      </span>
    ),
  };
}
interface InputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}
