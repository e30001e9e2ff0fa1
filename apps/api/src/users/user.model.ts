import { Field, ID, ObjectType, registerEnumType, Int } from '@nestjs/graphql';
import { Role } from '@app/domain';

registerEnumType(Role, { name: 'Role', description: 'What an account may do' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field()
  active: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('UserPage')
export class UserPage {
  @Field(() => [UserModel])
  items: UserModel[];

  @Field(() => Int)
  total: number;
}
