import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { ScreeningOutcome } from '@app/domain';
import { REASON_MAX } from '@app/hiring';

@InputType()
export class OverrideScreeningInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  applicationId: string;

  @Field(() => ScreeningOutcome)
  @IsEnum(ScreeningOutcome)
  outcome: ScreeningOutcome;

  @Field({ description: 'Required: recorded in the history' })
  @IsString()
  @MaxLength(REASON_MAX)
  reason: string;
}
