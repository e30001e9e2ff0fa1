import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from '@app/auth';
import { AppError, ErrorCode } from '@app/common';
import { Role } from '@app/domain';
import { DataExportService } from '@app/privacy';
import { authenticate } from '../auth/authenticate';
import { httpCredentials } from '../graphql/context';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * The candidate's data export as a file download (`myData` as JSON), with the same
 * authentication as GraphQL: a bearer token, or the web app's session cookie with its CSRF proof
 * (the x-csrf-token header, same-origin Origin). Always the caller's own data: the route takes no id.
 */
@Controller('me')
export class DataExportController {
  constructor(
    private readonly exports: DataExportService,
    private readonly auth: AuthService,
  ) {}

  @Get('data.json')
  async download(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { user, error } = await authenticate(this.auth, httpCredentials(req), req);
      if (error) throw error;
      if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'You must be logged in: send Authorization: Bearer <token> (or, from the web app, the session cookie)');
      if (user.role !== Role.CANDIDATE) throw new AppError(ErrorCode.FORBIDDEN, 'This requires the role CANDIDATE: the export is of a candidate\'s own data');
      const data = await this.exports.export(user.id);
      res
        .status(200)
        .setHeader('content-type', 'application/json; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"`)
        .setHeader('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      res.status(STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message, ...e.details } });
    }
  }
}
