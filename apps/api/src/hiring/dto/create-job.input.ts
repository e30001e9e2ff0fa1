import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
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
}
