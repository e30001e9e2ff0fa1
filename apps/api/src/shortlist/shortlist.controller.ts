import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { Role } from '@app/domain';
import { ShortlistService } from '@app/shortlist';
import { authenticate } from '../auth/authenticate';
import { httpCredentials } from '../graphql/context';
import { shortlistCsv } from './shortlist-csv';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * The shortlist as CSV, with the same authorization as the GraphQL field (recruiters and admins):
 * a bearer token, or the web app's session cookie with the same CSRF proof as GraphQL (the
 * x-csrf-token header, same-origin Origin). A GET that changes nothing: ShortlistService.all
 * only reads (and fills its in-memory cache).
 */
@Controller('jobs')
export class ShortlistCsvController {
  constructor(
    private readonly shortlists: ShortlistService,
    private readonly auth: AuthService,
  ) {}

  @Get(':id/shortlist.csv')
  async csv(@Param('id', new ParseUUIDPipe()) jobId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { user, error } = await authenticate(this.auth, httpCredentials(req), req);
      if (error) throw error;
      if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'You must be logged in: send Authorization: Bearer <token> (or, from the web app, the session cookie)');
      if (user.role !== Role.ADMIN && user.role !== Role.RECRUITER) throw new AppError(ErrorCode.FORBIDDEN, 'This requires one of the roles ADMIN, RECRUITER');
      const body = shortlistCsv(await this.shortlists.all(jobId));
      res
        .status(200)
        .setHeader('content-type', 'text/csv; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="shortlist-${jobId}.csv"`)
        .send(body);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      res.status(STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message, ...e.details } });
    }
  }
}
