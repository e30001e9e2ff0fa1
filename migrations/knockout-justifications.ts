import type { QueryRunner } from 'typeorm';

interface StoredQuestion {
  kind: string;
  answerType?: string;
  source?: string | null;
  justification?: string | null;
  rule?: { rejectionReason?: string | null; weight?: number; minLength?: number | null };
}

/**
 * Scored free text becomes INFORMATIONAL (see below), and knock-outs now need a job-related justification (the job schema refuses one without). Jobs
 * stored before keep their rules (applicants must meet the same ones), so each of their
 * knock-outs gets the best justification on record: the job description's requirement it came
 * from, or its rejection reason, marked as carried over so a recruiter knows to word it.
 */
export async function fillKnockoutJustifications(queryRunner: QueryRunner): Promise<void> {
  const driver = queryRunner.connection.driver;
  const rows = (await queryRunner.query('SELECT "id", "screeningQuestions" FROM "jobs"')) as { id: string; screeningQuestions: string }[];
  for (const row of rows) {
    const questions = JSON.parse(row.screeningQuestions) as StoredQuestion[];
    let changed = false;
    for (const q of questions) {
      // Free text was scored by its length; it is now read by a person (INFORMATIONAL, no weight).
      if (q.kind === 'SCORED' && q.answerType === 'TEXT') {
        q.kind = 'INFORMATIONAL';
        q.rule = { ...q.rule, weight: 0, minLength: null };
        changed = true;
      }
      if (q.kind !== 'KNOCKOUT' || q.justification) continue;
      const basis = q.source ?? (q.rule?.rejectionReason ? `rejects when ${q.rule.rejectionReason}` : 'no reason recorded');
      q.justification = `Carried over from before justifications were required: ${basis}`.slice(0, 500);
      changed = true;
    }
    if (!changed) continue;
    const [sql, params] = driver.escapeQueryWithParameters('UPDATE "jobs" SET "screeningQuestions" = :questions WHERE "id" = :id', { questions: JSON.stringify(questions), id: row.id });
    await queryRunner.query(sql, params);
  }
}
