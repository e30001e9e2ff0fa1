import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { CoreModule } from '@app/core';

/** The worker: no HTTP, no GraphQL; BullMQ processors over the same libraries as the API. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, 'worker', logger)],
    };
  }
}
