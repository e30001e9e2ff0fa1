import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { JobContentInput } from './job-content.input';

@InputType({ description: 'A job from a template (give templateId or templateKey), with any field changed' })
export class CreateJobInput extends JobContentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  templateId?: string;

  @Field({ nullable: true, description: 'e.g. "backend-engineer-intern"' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  templateKey?: string;

  @Field(() => Boolean, { nullable: true, description: 'Interviewers see no name, email or links until the candidate is shortlisted. Default false.' })
  @IsOptional()
  @IsBoolean()
  anonymizedReview?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A failed knock-out rejects at once. Default false: it waits in the review queue for a recruiter to confirm' })
  @IsOptional()
  @IsBoolean()
  autoReject?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Interviewers may read attempt timelines (relative times only). Default false' })
  @IsOptional()
  @IsBoolean()
  interviewersSeeTimeline?: boolean | null;
}
