import * as fs from 'node:fs';
import { z } from 'zod';
import { projectPath } from '@app/common';
import type { CalibrationRecord, ReferenceSolution } from '@app/domain';
import { calibrationInputsHash, engineFingerprint, loadProblem, type Calibration, type Problem } from '@app/sandbox';

/**
 * The calibration shipped with the bank: per problem with performance tests, the figures as
 * validation stores them (problems.calibration) and a hash of what they depend on
 * (calibrationInputsHash). Seeding uses them instead of timing the references again when both
 * the engine fingerprint and the hash match; otherwise it calibrates anew, as without the file.
 * Written by `npm run bank:report -- --write-calibration`; a spec fails when it is stale.
 */
export const CALIBRATION_FILE = projectPath('libs/assessments/data/calibration.json');
export const CALIBRATE_COMMAND = 'npm run bank:report -- --write-calibration';

const calibrationRecordSchema = z.object({
  engine: z.string().min(1),
  measuredAt: z.string().min(1),
  figures: z.array(
    z.object({
      test: z.string(),
      language: z.enum(['javascript', 'typescript', 'python', 'sql']),
      referenceMedianMs: z.number().nonnegative(),
      runs: z.number().int().positive(),
      limitMs: z.number().int().positive(),
    }),
  ),
});

const shippedFileSchema = z.object({
  about: z.string().optional(),
  /** The engine fingerprint every entry was measured on. */
  engine: z.string().min(1),
  problems: z.record(z.string(), z.object({ inputs: z.string().regex(/^sha256:[0-9a-f]{64}$/), calibration: calibrationRecordSchema })),
});

export type ShippedCalibration = z.output<typeof shippedFileSchema>;

/** Reads the shipped file; null when there is none. Throws naming the file when it is malformed. */
export function loadShippedCalibration(file = CALIBRATION_FILE): ShippedCalibration | null {
  if (!fs.existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); rewrite it with ${CALIBRATE_COMMAND}`);
  }
  const parsed = shippedFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}; rewrite it with ${CALIBRATE_COMMAND}`);
  return parsed.data;
}

/** The bank entry's problem, parsed as the judge parses it (so a file's key order or spelled-out defaults do not matter). */
export function inputsHashOf(entry: { definition: Record<string, unknown>; referenceSolutions: readonly ReferenceSolution[] } | { problem: Problem; referenceSolutions: readonly ReferenceSolution[] }): string {
  const problem = 'problem' in entry ? entry.problem : loadProblem(entry.definition);
  return calibrationInputsHash(problem, entry.referenceSolutions);
}

export function hasPerformanceTests(definition: Record<string, unknown>): boolean {
  return Array.isArray(definition.tests) && (definition.tests as Array<{ kind?: unknown }>).some((t) => t?.kind === 'performance');
}

/** Why a problem is calibrated anew rather than given the shipped figures. */
export type CalibrateAnewReason = 'not-shipped' | 'inputs-changed' | 'other-engine';

export type ShippedChoice = { calibration: CalibrationRecord } | { reason: CalibrateAnewReason };

/** The shipped figures of `slug` when they fit: measured on this engine, for these very inputs. */
export function shippedCalibrationFor(
  shipped: ShippedCalibration | null,
  slug: string,
  inputsHash: string,
  engine: string = engineFingerprint(),
): ShippedChoice {
  const entry = shipped?.problems[slug];
  if (!entry) return { reason: 'not-shipped' };
  if (entry.inputs !== inputsHash) return { reason: 'inputs-changed' };
  if (entry.calibration.engine !== engine) return { reason: 'other-engine' };
  return { calibration: entry.calibration };
}

export const REASON_TEXT: Readonly<Record<CalibrateAnewReason, string>> = {
  'not-shipped': `not in libs/assessments/data/calibration.json: add it with ${CALIBRATE_COMMAND}`,
  'inputs-changed': `its performance tests, generator, limits or references changed since the shipped calibration was measured: refresh it with ${CALIBRATE_COMMAND}`,
  'other-engine': 'the shipped calibration was measured on another engine (Node, V8, isolated-vm, Pyodide, sql.js or CPU model)',
};

/**
 * The file's new content: `measured` (slug → inputs hash and calibration) over the entries of
 * `previous` that are still in the bank (`bankSlugs`) and were not measured again. Sorted by
 * slug, so a rewrite shows as a small diff.
 */
export function shippedCalibrationFile(
  measured: ReadonlyMap<string, { inputs: string; calibration: Calibration }>,
  previous: ShippedCalibration | null,
  bankSlugs: ReadonlySet<string>,
  engine: string = engineFingerprint(),
): ShippedCalibration {
  const problems: ShippedCalibration['problems'] = {};
  for (const [slug, e] of Object.entries(previous?.problems ?? {})) if (bankSlugs.has(slug) && e.calibration.engine === engine) problems[slug] = e;
  for (const [slug, e] of measured) problems[slug] = { inputs: e.inputs, calibration: e.calibration };
  return {
    about: `Calibrated CPU limits of the bank's performance tests, used by the seed step when "engine" is this engine and "inputs" matches the problem. Measured on one machine and used on others of the same engine: limits are max(3 x median, median + 50 ms). Rewrite with ${CALIBRATE_COMMAND}.`,
    engine,
    problems: Object.fromEntries(Object.entries(problems).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

export function writeShippedCalibration(content: ShippedCalibration, file = CALIBRATION_FILE): void {
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
