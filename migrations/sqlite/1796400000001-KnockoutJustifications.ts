import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillKnockoutJustifications } from '../knockout-justifications';

/** Data only: see knockout-justifications.ts. */
export class KnockoutJustifications1796400000001 implements MigrationInterface {
  name = 'KnockoutJustifications1796400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await fillKnockoutJustifications(queryRunner);
  }

  async down(): Promise<void> {
    // The justifications stay: they are valid content under the older schema too.
  }
}
