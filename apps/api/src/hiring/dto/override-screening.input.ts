import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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

@InputType({ description: 'Failed knock-outs of the review queue to reject, in bulk' })
export class ConfirmRejectionsInput {
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  applicationIds: string[];

  @Field(() => String, { nullable: true, description: 'Recorded in the history; default "Knock-out confirmed"' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}
