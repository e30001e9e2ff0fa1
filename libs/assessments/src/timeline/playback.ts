import { applyPatch, createPatch } from 'diff';

/**
 * Code snapshots are stored as a full copy every `fullEvery` snapshots and, in between, as a
 * unified patch (no context lines) against the previous snapshot: typing a few characters between
 * two snapshots stores a few dozen bytes, not the whole file.
 */
export interface StoredSnapshot {
  seq: number;
  full: boolean;
  body: string;
}

/** The body to store for `code` as snapshot `seq`, given the previous snapshot's code. */
export function encodeSnapshot(seq: number, previous: string | null, code: string, fullEvery: number): StoredSnapshot {
  if (previous === null || seq % fullEvery === 0) return { seq, full: true, body: code };
  if (previous === code) return { seq, full: false, body: '' };
  const patch = createPatch('code', previous, code, '', '', { context: 0 });
  // A patch bigger than the code (a rewrite) is stored as the code itself.
  return patch.length < code.length ? { seq, full: false, body: patch } : { seq, full: true, body: code };
}

/** Replays stored snapshots, in seq order, into the code at each one. Throws on a broken chain. */
export function decodeSnapshots(rows: readonly StoredSnapshot[]): string[] {
  const out: string[] = [];
  let code: string | null = null;
  for (const r of rows) {
    if (r.full) code = r.body;
    else if (code === null) throw new Error(`snapshot ${r.seq} is a patch with no full snapshot before it`);
    else if (r.body !== '') {
      const next: string | false = applyPatch(code, r.body);
      if (next === false) throw new Error(`snapshot ${r.seq} does not apply to snapshot ${r.seq - 1}`);
      code = next;
    }
    out.push(code);
  }
  return out;
}

/** The last full snapshot at or before `seq`: where decoding the code at `seq` must start. */
export function lastFullSeq(seq: number, fullEvery: number): number {
  return seq - (seq % fullEvery);
}
