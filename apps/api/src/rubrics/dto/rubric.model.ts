import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CitationKind, InterviewKind, RedFlagSeverity } from '@app/domain';

registerEnumType(InterviewKind, {
  name: 'InterviewKind',
  description: 'CODING_FUNDAMENTALS, SYSTEM_DESIGN or BEHAVIORAL: a rubric groups its criteria by them',
});
registerEnumType(CitationKind, {
  name: 'CitationKind',
  description: 'FAQ: a sentence of the hiring FAQ; REQUIREMENT: a requirement of the job description',
});
registerEnumType(RedFlagSeverity, { name: 'RedFlagSeverity' });

@ObjectType('SourceCitation', { description: 'The guidance a criterion or red flag derives from, quoted verbatim' })
export class SourceCitationModel {
  @Field(() => CitationKind)
  kind: CitationKind;

  @Field()
  quote: string;
}

@ObjectType('RubricAnchor', { description: 'What an interviewer observes at one level of the 1-4 scale' })
export class RubricAnchorModel {
  @Field(() => Int)
  level: number;

  @Field()
  description: string;
}

@ObjectType('RubricCriterion')
export class RubricCriterionModel {
  @Field({ description: 'Scorecard ratings name the criterion by it' })
  key: string;

  @Field()
  title: string;

  @Field()
  lookFor: string;

  @Field(() => InterviewKind)
  kind: InterviewKind;

  @Field(() => Float, { description: 'Relative importance within its interview kind' })
  weight: number;

  @Field(() => SourceCitationModel)
  source: SourceCitationModel;

  @Field(() => [RubricAnchorModel], { description: 'Levels 1 to 4, in order' })
  anchors: RubricAnchorModel[];
}

@ObjectType('RubricRedFlag')
export class RubricRedFlagModel {
  @Field()
  key: string;

  @Field()
  title: string;

  @Field({ description: 'What counts as evidence of it' })
  description: string;

  @Field(() => RedFlagSeverity)
  severity: RedFlagSeverity;

  @Field(() => SourceCitationModel)
  source: SourceCitationModel;
}

@ObjectType('Rubric', { description: 'A rubric at one version: the current one, or the one an interview or scorecard pinned. Staff only.' })
export class RubricModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Seeded rubrics: the data file it comes from (such rubrics are cloned, not edited)' })
  key: string | null;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => ID, { nullable: true, description: 'Null for a library rubric, usable for any job' })
  jobId: string | null;

  @Field(() => ID, { nullable: true, description: 'The rubric it was cloned from' })
  sourceRubricId: string | null;

  @Field(() => Int, { description: 'What new interviews pin' })
  currentVersion: number;

  @Field(() => Int, { description: 'The version shown here' })
  version: number;

  @Field({ description: 'True once a submitted scorecard used this version: it never changes again, an edit makes the next version' })
  inUse: boolean;

  @Field(() => [RubricCriterionModel])
  criteria: RubricCriterionModel[];

  @Field(() => [RubricRedFlagModel])
  redFlags: RubricRedFlagModel[];

  @Field()
  createdAt: Date;

  @Field({ description: 'When this version was last written' })
  versionUpdatedAt: Date;
}
