import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class EraseMyAccountInput {
  @Field({ description: 'Your account\'s email, or the phrase "erase my account", typed to confirm' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  confirm: string;

  @Field({ description: 'Your current password (re-authentication; counted against the login limits)' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

@ObjectType({ description: 'How much an erasure removed or anonymized: counts only' })
export class ErasureCountsModel {
  @Field(() => Int)
  applications: number;

  @Field(() => Int, { description: 'Kept as group labels for the adverse-impact report; they no longer lead to anyone' })
  selfIdentifications: number;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int)
  submissions: number;

  @Field(() => Int)
  codeSnapshots: number;
}

@ObjectType({ description: 'The receipt of an erasure. The account no longer works: every session has ended.' })
export class ErasureReceiptModel {
  @Field()
  erasedAt: Date;

  @Field(() => ErasureCountsModel)
  counts: ErasureCountsModel;
}
