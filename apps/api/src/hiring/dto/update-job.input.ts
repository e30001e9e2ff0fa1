import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { JobContentInput } from './job-content.input';

@InputType({ description: 'Fields to change. Screening questions, hard skills and the threshold are fixed once a job has applications.' })
export class UpdateJobInput extends JobContentInput {
  @Field(() => Boolean, { nullable: true, description: 'Interviewers see no name, email or links until the candidate is shortlisted' })
  @IsOptional()
  @IsBoolean()
  anonymizedReview?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A failed knock-out rejects at once (applies to later applications)' })
  @IsOptional()
  @IsBoolean()
  autoReject?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Interviewers may read attempt timelines (relative times only). Default false' })
  @IsOptional()
  @IsBoolean()
  interviewersSeeTimeline?: boolean | null;
}
