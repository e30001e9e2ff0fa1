import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApplicationStage, ScreeningOutcome } from '@app/domain';
import { PageArgs } from '../../graphql/page.args';

@ArgsType()
export class ApplicationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  jobId?: string | null;

  @Field(() => ApplicationStage, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStage)
  stage?: ApplicationStage | null;

  @Field(() => ScreeningOutcome, { nullable: true, description: 'The outcome in force (after any override)' })
  @IsOptional()
  @IsEnum(ScreeningOutcome)
  outcome?: ScreeningOutcome | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the review queue of failed knock-outs awaiting a recruiter (confirmRejections, or overrideScreening to dismiss)' })
  @IsOptional()
  @IsBoolean()
  awaitingRejection?: boolean | null;
}
