import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UsersService } from '@app/auth';
import { UserEntity } from '@app/domain';
import { HIRING_MANAGERS } from '@app/hiring';
import { CalibrationService, KindCalibration } from '@app/rubrics';
import type { GqlContext } from '../graphql/context';
import { Roles } from '../graphql/roles.decorator';
import { userLoader } from '../hiring/hiring.loaders';
import { UserModel } from '../users/user.model';
import { InterviewerCalibrationModel } from './dto/scorecard.model';

/**
 * Recruiters and admins only: an interviewer's figures rest on colleagues' ratings of candidates
 * the interviewer may not have scored, which the blind rule keeps from them.
 */
@Resolver(() => InterviewerCalibrationModel)
@Roles(...HIRING_MANAGERS)
export class CalibrationResolver {
  constructor(
    private readonly calibration: CalibrationService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [InterviewerCalibrationModel], {
    description:
      'Per interviewer, interview kind and rubric, over submitted scorecards: mean and spread of their ratings, and their leniency offset against the other interviewers of the same kind and rubric who rated the same candidates. By interviewer id, then kind.',
  })
  interviewerCalibration(
    @Args('interviewerId', { type: () => ID, nullable: true, description: 'Only this interviewer (still compared with everyone)' })
    interviewerId?: string | null,
    @Args('jobId', { type: () => ID, nullable: true, description: "Only scorecards of this job's applications" }) jobId?: string | null,
  ): Promise<KindCalibration[]> {
    return this.calibration.calibration({ interviewerIds: interviewerId ? [interviewerId] : null, jobId });
  }

  @ResolveField(() => UserModel, { nullable: true })
  interviewer(@Parent() c: KindCalibration, @Context() ctx: GqlContext): Promise<UserEntity | null> {
    return userLoader(ctx, this.users).load(c.interviewerId);
  }
}
