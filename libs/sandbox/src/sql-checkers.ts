import { floatClose } from './checkers';
import type { Checker, SqlExpected, SqlValue } from './problem.schema';

/*
 * Result-set checkers for SQL problems, pure. Values compare by SQLite value: NULL, numbers (an
 * integral REAL equals the INTEGER, as JSON numbers already are), TEXT, BLOB; TEXT '2' is not
 * INTEGER 2. Column count always matters; column names only when the problem asks.
 */

export interface ResultSet {
  columns: string[];
  rows: SqlValue[][];
}

type ValueEq = (a: SqlValue, e: SqlValue) => boolean;

function blobOf(v: SqlValue): string | null {
  return v !== null && typeof v === 'object' ? v.blob.toLowerCase() : null;
}

export function sqlValueEqual(a: SqlValue, e: SqlValue): boolean {
  if (a === null || e === null) return a === e;
  if (typeof a === 'number' || typeof e === 'number') return a === e;
  if (typeof a === 'string' || typeof e === 'string') return a === e;
  return blobOf(a) === blobOf(e);
}

export function sqlValueClose(epsilon: number): ValueEq {
  return (a, e) => (typeof a === 'number' && typeof e === 'number' ? floatClose(a, e, epsilon) : sqlValueEqual(a, e));
}

function rowEqual(a: SqlValue[], e: SqlValue[], eq: ValueEq): boolean {
  return a.length === e.length && a.every((v, i) => eq(v, e[i]));
}

/** A canonical key per row for the multiset comparison (types kept apart: 2 vs "2"). */
function rowKey(r: SqlValue[]): string {
  return JSON.stringify(r.map((v) => (v === null ? ['n'] : typeof v === 'number' ? ['i', v] : typeof v === 'string' ? ['s', v] : ['b', v.blob.toLowerCase()])));
}

export function sqlRowsUnorderedEqual(actual: SqlValue[][], expected: SqlValue[][]): boolean {
  if (actual.length !== expected.length) return false;
  const counts = new Map<string, number>();
  for (const r of expected) counts.set(rowKey(r), (counts.get(rowKey(r)) ?? 0) + 1);
  for (const r of actual) {
    const k = rowKey(r);
    const n = counts.get(k);
    if (!n) return false;
    counts.set(k, n - 1);
  }
  return true;
}

export type ResultMismatch = 'columns' | 'column names' | 'rows' | null;

/** Null when the result set passes `checker`, else what differs (for the visible message). */
export function checkResultSet(checker: Checker, actual: ResultSet, expected: SqlExpected, checkNames: boolean): ResultMismatch {
  if (actual.columns.length !== expected.columns.length) return 'columns';
  if (checkNames && actual.columns.some((c, i) => c.toLowerCase() !== expected.columns[i].toLowerCase())) return 'column names';
  const rows = expected.rows as SqlValue[][];
  if (checker.type === 'unordered') return sqlRowsUnorderedEqual(actual.rows, rows) ? null : 'rows';
  const eq = checker.type === 'float' ? sqlValueClose(checker.epsilon) : sqlValueEqual;
  if (actual.rows.length !== rows.length) return 'rows';
  return actual.rows.every((r, i) => rowEqual(r, rows[i], eq)) ? null : 'rows';
}
