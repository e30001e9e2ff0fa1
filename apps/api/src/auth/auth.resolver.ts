import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, AuthUser, UsersService } from '@app/auth';
import { AppError } from '@app/common';
import { GqlContext } from '../graphql/context';
import { AnyRole, CurrentUser, Public } from '../graphql/roles.decorator';
import { LoginInput, RegisterInput } from '../users/user.inputs';
import { UserModel } from '../users/user.model';
import { RegistrationModel } from './registration.model';
import { SessionModel } from './session.model';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => RegistrationModel, {
    description:
      'Candidates sign up themselves (staff accounts come from createUser), then log in. Same answer whether or not the email is taken; rate-limited per IP.',
  })
  register(@Args('input') input: RegisterInput, @Context() ctx: GqlContext): Promise<RegistrationModel> {
    return this.auth.register(input, ctx.ip);
  }

  @Public()
  @Mutation(() => SessionModel, { description: 'Rate-limited per email and IP, per IP, and per account from unknown IPs (see docs/api.md).' })
  login(@Args('input') input: LoginInput, @Context() ctx: GqlContext): Promise<SessionModel> {
    return this.auth.login(input.email, input.password, ctx.ip);
  }

  @AnyRole()
  @Query(() => UserModel)
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    const found = await this.users.findById(user.id);
    if (!found) throw AppError.notFound('User', user.id);
    return found;
  }
}
