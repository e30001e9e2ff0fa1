import { Module } from '@nestjs/common';
import { JudgingModule } from '@app/judging';
import { SubmissionsResolver } from './submissions.resolver';

@Module({ imports: [JudgingModule], providers: [SubmissionsResolver], exports: [JudgingModule] })
export class SubmissionsModule {}
