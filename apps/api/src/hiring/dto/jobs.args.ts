import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { JobStatus } from '@app/domain';
import { PageArgs } from '../../graphql/page.args';

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobStatus, { nullable: true, description: 'Staff filter; anyone else only ever sees PUBLISHED jobs' })
  @IsOptional()
  @IsEnum(JobStatus)
  status?: JobStatus | null;
}
