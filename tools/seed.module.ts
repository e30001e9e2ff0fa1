import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AssessmentsCoreModule } from '@app/assessments';
import { AuthCoreModule } from '@app/auth';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { HiringModule } from '@app/hiring';
import { JudgeRunnerModule } from '@app/judging';
import { RubricsModule } from '@app/rubrics';
import { HiringApplicationsAdapter } from '../apps/api/src/assessments/hiring-applications.adapter';

/**
 * The Nest context the seed step, the problem importer and the tests' seeding run in: the real
 * domain modules with the API's bindings, without HTTP or GraphQL. Seeders ask it for services
 * (`app.get(ProblemsService)`), so a constructor changes in one place. JudgeRunnerModule judges
 * in this process: the seed validates the bank's reference solutions before any worker exists.
 * Its sandbox children start on the first judgement (when a bank problem is not VALID yet).
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig, logger: Logger, serviceName = 'init'): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        CoreModule.forRoot(config, serviceName, logger),
        AuthCoreModule,
        HiringModule,
        AssessmentsCoreModule.forRoot({ applications: HiringApplicationsAdapter, imports: [HiringModule] }),
        RubricsModule,
        JudgeRunnerModule.forRoot({ sandboxes: 'first-judge' }),
      ],
    };
  }
}

/** Runs `fn` in a SeedModule context over `config`'s database and Redis, and closes it (and its sandbox children) after. */
export async function withSeedContext<T>(config: AppConfig, logger: Logger, fn: (app: INestApplicationContext) => Promise<T>, serviceName?: string): Promise<T> {
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config, logger, serviceName), { logger: false, abortOnError: false });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
