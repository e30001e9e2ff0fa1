import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, UsersService } from '@app/auth';
import { Role } from '@app/domain';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { CreateUserInput, ResetPasswordInput, UpdateUserInput, UsersArgs } from './user.inputs';
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

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: "Renames, or changes a staff account's role (effective on its next request). Not your own role." })
  updateUser(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserModel> {
    return this.usersService.update(actor.id, id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'The account can no longer log in and its existing tokens stop working. Not your own.' })
  deactivateUser(@Args('id', { type: () => ID }) id: string, @CurrentUser() actor: AuthUser): Promise<UserModel> {
    return this.usersService.setActive(actor.id, id, false);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'The account can log in again; tokens revoked by the deactivation stay revoked.' })
  reactivateUser(@Args('id', { type: () => ID }) id: string, @CurrentUser() actor: AuthUser): Promise<UserModel> {
    return this.usersService.setActive(actor.id, id, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: "Sets a new password for an owner who lost theirs, and ends the account's sessions." })
  resetUserPassword(@Args('id', { type: () => ID }) id: string, @Args('input') input: ResetPasswordInput): Promise<UserModel> {
    return this.usersService.resetPassword(id, input.password);
  }
}
