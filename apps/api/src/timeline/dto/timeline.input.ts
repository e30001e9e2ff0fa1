import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TIMELINE_LIMITS } from '@app/assessments';
import { AttemptEventType, Language } from '@app/domain';
import { SOURCE_MAX_BYTES } from '@app/sandbox';

registerEnumType(AttemptEventType, {
  name: 'AttemptEventType',
  description: 'PROBLEM_OPENED, PASTE, FOCUS_LOST / FOCUS_REGAINED (tab switches, other windows), CONNECTION_LOST / CONNECTION_RESTORED come from the browser; RUN and SUBMIT are recorded by the API',
});

@InputType()
export class AttemptEventInput {
  @Field(() => AttemptEventType, { description: 'Not RUN or SUBMIT: the API records those itself' })
  @IsEnum(AttemptEventType)
  type: AttemptEventType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  problemId?: string | null;

  @Field(() => Int, { description: `How long before sending the batch it happened, in ms by the browser's clock (0 to ${TIMELINE_LIMITS.maxEventAgeMs})` })
  @IsInt()
  @Min(0)
  @Max(TIMELINE_LIMITS.maxEventAgeMs)
  ageMs: number;

  @Field(() => Int, { nullable: true, description: 'PASTE: characters pasted' })
  @IsOptional()
  @IsInt()
  @Min(0)
  chars?: number | null;

  @Field(() => Int, { nullable: true, description: 'PASTE: lines pasted' })
  @IsOptional()
  @IsInt()
  @Min(0)
  lines?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'PASTE: true when the text was not copied inside the assessment page' })
  @IsOptional()
  @IsBoolean()
  external?: boolean | null;

  @Field(() => String, { nullable: true, description: 'FOCUS_LOST: hidden (tab switched or window minimised) or blur (another window took focus)' })
  @IsOptional()
  @IsIn(['hidden', 'blur'])
  cause?: string | null;
}

@InputType()
export class CodeSnapshotInput {
  @Field(() => ID)
  @IsUUID()
  problemId: string;

  @Field(() => String)
  @IsIn(Object.values(Language))
  language: Language;

  @Field({ description: 'The whole code in the editor; the API stores it as a patch against the previous snapshot' })
  @IsString()
  @MaxLength(SOURCE_MAX_BYTES)
  code: string;

  @Field(() => Int, { description: 'How long before sending the batch it was taken, in ms' })
  @IsInt()
  @Min(0)
  @Max(TIMELINE_LIMITS.maxEventAgeMs)
  ageMs: number;
}

@InputType()
export class RecordAttemptActivityInput {
  @Field(() => ID)
  @IsUUID()
  attemptId: string;

  @Field({ description: 'Chosen by the client, 8-64 letters, digits, - or _: a batch sent again with the same id is stored once' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  batchId: string;

  @Field(() => [AttemptEventInput], { defaultValue: [], description: `In the order they happened, at most ${TIMELINE_LIMITS.eventsPerBatch}` })
  @IsArray()
  @ArrayMaxSize(TIMELINE_LIMITS.eventsPerBatch)
  @ValidateNested({ each: true })
  @Type(() => AttemptEventInput)
  events: AttemptEventInput[];

  @Field(() => [CodeSnapshotInput], { defaultValue: [], description: `At most ${TIMELINE_LIMITS.snapshotsPerBatch}` })
  @IsArray()
  @ArrayMaxSize(TIMELINE_LIMITS.snapshotsPerBatch)
  @ValidateNested({ each: true })
  @Type(() => CodeSnapshotInput)
  snapshots: CodeSnapshotInput[];
}
