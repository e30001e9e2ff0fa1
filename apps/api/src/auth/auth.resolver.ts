import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, AuthUser, UsersService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { GqlContext } from '../graphql/context';
import { AnyRole, CurrentUser, Public } from '../graphql/roles.decorator';
import { LoginInput, RegisterInput } from '../users/user.inputs';
import { UserModel } from '../users/user.model';
import { RegistrationModel } from './registration.model';
import { CookieSessionModel, SessionModel } from './session.model';
import { clearSessionCookies, csrfError, foreignOrigin, setSessionCookies } from './session-cookie';

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

  @Public()
  @Mutation(() => CookieSessionModel, {
    description:
      "The web app's login: sets the httpOnly session cookie and the CSRF cookie (see docs/api.md, Sessions) and returns no token. Same checks and limits as login.",
  })
  async loginWithCookie(@Args('input') input: LoginInput, @Context() ctx: GqlContext): Promise<CookieSessionModel> {
    const req = ctx.req;
    if (!req?.res) throw new AppError(ErrorCode.BAD_USER_INPUT, 'loginWithCookie is served over HTTP POST /graphql only');
    // A page of another origin must not log the browser into an account of its choosing.
    const foreign = foreignOrigin(req);
    if (foreign) throw csrfError(foreign);
    const session = await this.auth.login(input.email, input.password, ctx.ip);
    setSessionCookies(req, req.res, session.accessToken, this.auth.csrfToken(session.id), session.expiresAt);
    return { expiresAt: session.expiresAt, user: session.user };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Ends the session this request came with (session cookie or bearer token: that token is refused from now on) and clears the session cookies. ' +
      'everywhere: true ends every session of the account, API tokens included. True when a session was ended, false when the request carried none that was still valid.',
  })
  async logout(
    @Args('everywhere', { defaultValue: false, description: 'End every session of the account, not only this one' }) everywhere: boolean,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    // The guard has checked the credentials (this field is public, so a failure did not stop it).
    const { user, error } = (await ctx.authenticated) ?? { user: null };
    // A cookie without CSRF proof: a page of another site must not log the user out.
    if (error instanceof AppError && error.code === ErrorCode.FORBIDDEN) throw error;
    // A cookie the API refused was cleared by the guard already.
    if (!user) return false;
    await this.auth.logout(user, everywhere);
    if (ctx.req?.res && ctx.credentials?.source === 'cookie') clearSessionCookies(ctx.req, ctx.req.res);
    return true;
  }

  @AnyRole()
  @Query(() => UserModel)
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    const found = await this.users.findById(user.id);
    if (!found) throw AppError.notFound('User', user.id);
    return found;
  }
}
