import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { HiringModule } from '@app/hiring';
import { DataExportService } from './data-export.service';
import { ErasureService } from './erasure.service';

/** Candidates' data rights: the export of everything held about them, and the erasure of their account. */
@Module({
  imports: [AuthCoreModule, HiringModule],
  providers: [DataExportService, ErasureService],
  exports: [DataExportService, ErasureService],
})
export class PrivacyModule {}
