import { Field, ID, ObjectType, registerEnumType, Int } from '@nestjs/graphql';
import { Permission, Role } from '@app/domain';

registerEnumType(Role, { name: 'Role', description: 'What an account may do' });
registerEnumType(Permission, { name: 'Permission', description: 'Granted by an admin beyond the role. FAIRNESS_REPORT: a recruiter may read the adverse-impact report' });

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

  @Field(() => [Permission])
  permissions: Permission[];

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
