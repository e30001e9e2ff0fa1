import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@app/auth';
import { PrivacyModule } from '@app/privacy';
import { DataExportController } from './data-export.controller';
import { PrivacyResolver } from './privacy.resolver';

@Module({ imports: [PrivacyModule, AuthCoreModule], providers: [PrivacyResolver], controllers: [DataExportController] })
export class PrivacyApiModule {}
