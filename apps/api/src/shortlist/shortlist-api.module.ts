import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { SimilarityModule } from '@app/integrity';
import { ShortlistModule } from '@app/shortlist';
import { ShortlistCsvController } from './shortlist.controller';
import { ShortlistResolver } from './shortlist.resolver';

@Module({ imports: [ShortlistModule, AuthCoreModule, SimilarityModule], providers: [ShortlistResolver], controllers: [ShortlistCsvController] })
export class ShortlistApiModule {}
