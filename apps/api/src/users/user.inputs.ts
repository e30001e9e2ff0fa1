import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Permission, Role } from '@app/domain';
import { PageArgs } from '../graphql/page.args';

@InputType()
export class RegisterInput {
  @Field({ description: 'Stored NFKC-normalized, trimmed and lower-cased' })
  // Stray spaces from a paste are not an invalid address; the service normalizes the rest.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: '10 to 128 characters; not a common password, a run of one or a few repeated characters, nor the email or its part before the @' })
  @IsString()
  @Length(10, 128, { message: 'must be 10 to 128 characters long' })
  password: string;
}

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(128)
  password: string;
}

@InputType()
export class CreateUserInput extends RegisterInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => Role, { nullable: true, description: 'Among ADMIN, RECRUITER, INTERVIEWER only; applies to the next request' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => [Permission], { nullable: true, description: 'Replaces the permissions granted beyond the role (FAIRNESS_REPORT: recruiters only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(Permission, { each: true })
  permissions?: Permission[];
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'Same rules as at sign-up' })
  @IsString()
  @Length(10, 128, { message: 'must be 10 to 128 characters long' })
  password: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}
