import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsString, MaxLength } from 'class-validator';
import { InterviewKind } from '@app/domain';

@InputType()
export class ScheduleInterviewInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  applicationId: string;

  @Field(() => ID, { description: 'An active interviewer, recruiter or admin' })
  @IsString()
  @MaxLength(36)
  interviewerId: string;

  @Field(() => ID, { description: "A library rubric or one of the application's job; its current version is pinned" })
  @IsString()
  @MaxLength(36)
  rubricId: string;

  @Field(() => InterviewKind, { description: 'The rubric must have criteria of this kind' })
  @IsEnum(InterviewKind)
  kind: InterviewKind;

  @Field()
  @Type(() => Date)
  @IsDate()
  scheduledAt: Date;
}
