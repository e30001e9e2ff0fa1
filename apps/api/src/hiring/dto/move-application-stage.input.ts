import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApplicationStage } from '@app/domain';
import { REASON_MAX } from '@app/hiring';

@InputType()
export class MoveApplicationStageInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  applicationId: string;

  @Field(() => ApplicationStage)
  @IsEnum(ApplicationStage)
  to: ApplicationStage;

  @Field(() => String, { nullable: true, description: 'Required from staff; optional for a candidate withdrawing' })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  reason?: string | null;
}
