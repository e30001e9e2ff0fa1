import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { Role } from '@app/domain';
import { ShortlistService } from '@app/shortlist';
import { bearer } from '../graphql/context';
import { shortlistCsv } from './shortlist-csv';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/** The shortlist as CSV, with the same authorization as the GraphQL field (recruiters and admins). */
@Controller('jobs')
export class ShortlistCsvController {
  constructor(
    private readonly shortlists: ShortlistService,
    private readonly auth: AuthService,
  ) {}

  @Get(':id/shortlist.csv')
  async csv(@Param('id', new ParseUUIDPipe()) jobId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    try {
      const user = await this.auth.verify(bearer(authorization));
      if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'You must be logged in: send Authorization: Bearer <token>');
      if (user.role !== Role.ADMIN && user.role !== Role.RECRUITER) throw new AppError(ErrorCode.FORBIDDEN, 'This requires one of the roles ADMIN, RECRUITER');
      const body = shortlistCsv(await this.shortlists.all(jobId));
      res
        .status(200)
        .setHeader('content-type', 'text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="shortlist-${jobId}.csv"`)
        .send(body);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      res.status(STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message } });
    }
  }
}
