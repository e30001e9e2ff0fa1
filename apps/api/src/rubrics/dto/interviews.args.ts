import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { InterviewStatus } from '@app/domain';
import { PageArgs } from '../../graphql/page.args';

@ArgsType()
export class MyInterviewsArgs extends PageArgs {
  @Field(() => InterviewStatus, { nullable: true })
  @IsOptional()
  @IsEnum(InterviewStatus)
  status?: InterviewStatus | null;
}
