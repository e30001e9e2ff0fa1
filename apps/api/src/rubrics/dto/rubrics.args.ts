import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RubricsArgs {
  @Field(() => ID, { nullable: true, description: "Include this job's own rubrics" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  jobId?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Include library rubrics (usable for any job)' })
  @IsBoolean()
  includeLibrary = true;
}
