import { Module } from '@nestjs/common';
import { RubricsModule } from '@app/rubrics';
import { ShortlistService } from './shortlist.service';

@Module({ imports: [RubricsModule], providers: [ShortlistService], exports: [ShortlistService] })
export class ShortlistModule {}
