import { CalibrationGroup, InterviewerCalibration, KindScorecard } from './calibration';

/** A submitted scorecard as calibration reads it, with its id (so a later change replaces it). */
export interface IndexedScorecard extends KindScorecard {
  id: string;
}

/**
 * Calibration kept up to date as scorecards change, for a cache that cannot afford to re-read
 * and re-calibrate every scorecard of every job whenever one is submitted. Holds every submitted
 * scorecard (id -> what calibrate reads) and, per kind|rubric group, the per-interviewer sums
 * calibrate computes (CalibrationGroup): `apply` takes the changed scorecards (or the ids no
 * longer submitted), moves those sums by each one's delta (the old version out, the new one in),
 * and re-derives the figures of only the interviewers of the candidates concerned, with the
 * same arithmetic as a full computation (so the same numbers, to the bit). It says which
 * `interviewer|kind|rubric` entries moved. `version` counts the applied changes: a reader that
 * computed with an older version re-reads the entries whose `changedAt` is above it.
 */
export class CalibrationIndex {
  private readonly cards = new Map<string, IndexedScorecard>();
  private readonly groups = new Map<string, CalibrationGroup>();
  private entries = new Map<string, InterviewerCalibration>();
  private readonly changedAt = new Map<string, number>();
  version = 0;

  constructor(initial: Iterable<IndexedScorecard> = []) {
    for (const c of initial) this.put(c);
    for (const [g, group] of this.groups) for (const id of group.interviewerIds()) this.entries.set(`${id}|${g}`, group.result(id)!);
  }

  /** Per `interviewer|kind|rubric`, as calibrateWithinKind would compute it over the same scorecards. */
  get calibration(): ReadonlyMap<string, InterviewerCalibration> {
    return this.entries;
  }

  /** The keys whose entry changed (added, moved or removed) after `version`. */
  changedSince(version: number): Set<string> {
    const out = new Set<string>();
    for (const [key, v] of this.changedAt) if (v > version) out.add(key);
    return out;
  }

  /** Submitted scorecards added or changed (`upserts`) and scorecards no longer submitted (`removed` ids). Returns the keys that moved. */
  apply(upserts: readonly IndexedScorecard[], removed: readonly string[] = []): Set<string> {
    /** group -> interviewers whose figures may have moved */
    const touched = new Map<string, Set<string>>();
    const note = (g: string, ids: Set<string>) => {
      const set = touched.get(g) ?? new Set<string>();
      for (const id of ids) set.add(id);
      touched.set(g, set);
    };
    for (const id of removed) {
      const old = this.cards.get(id);
      if (!old) continue;
      this.cards.delete(id);
      note(groupOf(old), this.groups.get(groupOf(old))!.change(old, -1));
    }
    for (const c of upserts) {
      const old = this.cards.get(c.id);
      if (old) note(groupOf(old), this.groups.get(groupOf(old))!.change(old, -1));
      note(groupOf(c), this.put(c));
    }
    const moved = new Set<string>();
    if (!touched.size) return moved;
    this.version++;
    const next = new Map(this.entries);
    for (const [g, ids] of touched) {
      const group = this.groups.get(g)!;
      for (const id of ids) {
        const key = `${id}|${g}`;
        const was = this.entries.get(key);
        const cal = group.result(id);
        if (!cal) {
          if (was) {
            next.delete(key);
            moved.add(key);
          }
          continue;
        }
        if (!was || was.leniencyOffset !== cal.leniencyOffset || was.sharedCandidates !== cal.sharedCandidates) moved.add(key);
        next.set(key, cal);
      }
    }
    this.entries = next;
    for (const key of moved) this.changedAt.set(key, this.version);
    return moved;
  }

  private put(c: IndexedScorecard): Set<string> {
    this.cards.set(c.id, c);
    const g = groupOf(c);
    let group = this.groups.get(g);
    if (!group) {
      group = new CalibrationGroup();
      this.groups.set(g, group);
    }
    return group.change(c, 1);
  }
}

const groupOf = (c: Pick<KindScorecard, 'kind' | 'rubricId'>): string => `${c.kind}|${c.rubricId}`;
