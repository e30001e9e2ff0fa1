import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '@app/auth';
import { Role } from '@app/domain';
import { DataExport, DataExportService, ErasureService } from '@app/privacy';
import { clearSessionCookies } from '../auth/session-cookie';
import type { GqlContext } from '../graphql/context';
import { GraphQLJSON } from '../graphql/json.scalar';
import { CurrentUser, Roles } from '../graphql/roles.decorator';
import { EraseMyAccountInput, ErasureReceiptModel } from './dto/erasure.model';

/** Candidates' data rights: their own data only (the id comes from the session, never an argument). */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly exports: DataExportService,
    private readonly erasure: ErasureService,
  ) {}

  @Roles(Role.CANDIDATE)
  @Query(() => GraphQLJSON, {
    description:
      'Everything the platform holds about you, as one JSON document (formatVersion, exportedAt, account, applications, attempts, submissions, notIncluded; docs/api.md "Your data"). ' +
      'Also GET /me/data.json. A very large export may pass the response size limit here (QUERY_TOO_COMPLEX): download it instead.',
  })
  myData(@CurrentUser() user: AuthUser): Promise<DataExport> {
    return this.exports.export(user.id);
  }

  @Roles(Role.CANDIDATE)
  @Mutation(() => ErasureReceiptModel, {
    description:
      'Erases your account for good: name, email, profiles, answers, résumés and code are removed, every session ends and you cannot log in again. ' +
      'Stages, verdicts and scores stay, without your identity. Nobody can undo it. Confirm with your email (or "erase my account") and your current password.',
  })
  async eraseMyAccount(@Args('input') input: EraseMyAccountInput, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<ErasureReceiptModel> {
    const receipt = await this.erasure.erase(user, input, ctx.ip);
    if (ctx.req?.res && ctx.credentials?.source === 'cookie') clearSessionCookies(ctx.req, ctx.req.res);
    return receipt;
  }
}
