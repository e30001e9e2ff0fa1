import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { Role } from '@app/domain';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { CreateUserInput, UsersArgs } from './user.inputs';
import { UserModel, UserPage } from './user.model';

@Resolver(() => UserModel)
@Roles(Role.ADMIN, Role.RECRUITER)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Mutation(() => UserModel, { description: 'Admins create any staff account; recruiters create recruiters and interviewers.' })
  createUser(@Args('input') input: CreateUserInput, @CurrentUser() actor: AuthUser): Promise<UserModel> {
    return this.usersService.createStaff(actor.role, input);
  }

  @Query(() => UserPage)
  users(@Args() args: UsersArgs): Promise<UserPage> {
    return this.usersService.list(args);
  }
}
