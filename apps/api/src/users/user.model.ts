import { Field, ID, ObjectType, registerEnumType, Int } from '@nestjs/graphql';
import { Permission, Role } from '@app/domain';

registerEnumType(Role, { name: 'Role', description: 'What an account may do' });
registerEnumType(Permission, { name: 'Permission', description: 'Granted by an admin beyond the role. FAIRNESS_REPORT: a recruiter may read the adverse-impact report' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'For an erased account, the placeholder erased-<id>@erased.invalid (no one\'s address)' })
  email: string;

  @Field()
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [Permission])
  permissions: Permission[];

  @Field()
  active: boolean;

  @Field(() => Date, { nullable: true, description: 'When the owner erased the account (its name is then "Erased candidate"); null otherwise. Nothing undoes it.' })
  erasedAt?: Date | null;

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
