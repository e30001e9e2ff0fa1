import { Module } from '@nestjs/common';
import { ShortlistService } from './shortlist.service';

@Module({ providers: [ShortlistService], exports: [ShortlistService] })
export class ShortlistModule {}
