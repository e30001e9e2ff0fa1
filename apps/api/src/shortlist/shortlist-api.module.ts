import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { ShortlistModule } from '@app/shortlist';
import { ShortlistCsvController } from './shortlist.controller';
import { ShortlistResolver } from './shortlist.resolver';

@Module({ imports: [ShortlistModule, AuthCoreModule], providers: [ShortlistResolver], controllers: [ShortlistCsvController] })
export class ShortlistApiModule {}
