import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Role } from '@app/domain';
import { PageArgs } from '../graphql/page.args';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: '10 to 128 characters' })
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

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}
