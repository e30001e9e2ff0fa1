import { calibrate, InterviewerCalibration, KindScorecard } from './calibration';

/** A submitted scorecard as calibration reads it, with its id (so a later change replaces it). */
export interface IndexedScorecard extends KindScorecard {
  id: string;
}

/**
 * Calibration kept up to date as scorecards change, for a cache that cannot afford to re-read
 * and re-calibrate every scorecard of every job whenever one is submitted. Holds every submitted
 * scorecard (id -> what calibrate reads); `apply` takes the changed ones (or the ids no longer
 * submitted) and re-calibrates only the kind|rubric groups they touch, with the same function
 * (calibrate) a full computation uses, and says which `interviewer|kind|rubric` entries moved.
 * `version` counts the applied changes: a reader that computed with an older version re-reads
 * the entries whose `changedAt` is above it.
 */
export class CalibrationIndex {
  private readonly cards = new Map<string, IndexedScorecard>();
  private readonly groups = new Map<string, Set<string>>();
  private entries = new Map<string, InterviewerCalibration>();
  private readonly changedAt = new Map<string, number>();
  version = 0;

  constructor(initial: Iterable<IndexedScorecard> = []) {
    for (const c of initial) this.put(c);
    for (const g of this.groups.keys()) for (const [key, cal] of this.calibrateGroup(g)) this.entries.set(key, cal);
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
    const dirty = new Set<string>();
    for (const id of removed) {
      const old = this.cards.get(id);
      if (!old) continue;
      dirty.add(groupOf(old));
      this.cards.delete(id);
      this.groups.get(groupOf(old))?.delete(id);
    }
    for (const c of upserts) {
      const old = this.cards.get(c.id);
      if (old) {
        dirty.add(groupOf(old));
        this.groups.get(groupOf(old))?.delete(c.id);
      }
      this.put(c);
      dirty.add(groupOf(c));
    }
    const moved = new Set<string>();
    if (!dirty.size) return moved;
    this.version++;
    const next = new Map(this.entries);
    for (const g of dirty) {
      const fresh = this.calibrateGroup(g);
      for (const key of this.entries.keys()) {
        if (key.endsWith(`|${g}`) && !fresh.has(key)) {
          next.delete(key);
          moved.add(key);
        }
      }
      for (const [key, cal] of fresh) {
        const was = this.entries.get(key);
        if (!was || was.leniencyOffset !== cal.leniencyOffset || was.sharedCandidates !== cal.sharedCandidates) moved.add(key);
        next.set(key, cal);
      }
    }
    this.entries = next;
    for (const key of moved) this.changedAt.set(key, this.version);
    return moved;
  }

  private put(c: IndexedScorecard): void {
    this.cards.set(c.id, c);
    const g = groupOf(c);
    const ids = this.groups.get(g) ?? new Set<string>();
    ids.add(c.id);
    this.groups.set(g, ids);
  }

  private calibrateGroup(g: string): Map<string, InterviewerCalibration> {
    // In id order: the same scorecards give the same sums whatever order they changed in.
    const ids = [...(this.groups.get(g) ?? [])].sort();
    return new Map(calibrate(ids.map((id) => this.cards.get(id)!)).map((c) => [`${c.interviewerId}|${g}`, c]));
  }
}

const groupOf = (c: Pick<KindScorecard, 'kind' | 'rubricId'>): string => `${c.kind}|${c.rubricId}`;
