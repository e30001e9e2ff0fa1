import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import * as path from 'node:path';
import { AuthCoreModule } from '@app/auth';
import { Logger } from '@app/common';
import { AppConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuthResolver } from './auth/auth.resolver';
import { ShortlistApiModule } from './shortlist/shortlist-api.module';
import { GqlAuthGuard } from './graphql/auth.guard';
import { buildContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { PassThroughGqlFilter } from './graphql/exception.filter';
import { limitsPlugin } from './graphql/limits.plugin';
import { metricsPlugin } from './graphql/metrics.plugin';
import { PubSubModule } from './graphql/pubsub.module';
import { ResolverGuardCheck } from './graphql/resolver-guard.check';
import { validationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { HiringApiModule } from './hiring/hiring.module';
import { RubricsApiModule } from './rubrics/rubrics.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UsersResolver } from './users/users.resolver';

export const SCHEMA_FILE = path.join(__dirname, '..', 'schema.graphql');

/** Feature modules: each brings its own resolvers. */
const FEATURE_MODULES = [SubmissionsModule, HiringApiModule, AssessmentsModule, RubricsApiModule, ShortlistApiModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger, opts: { schemaFile?: string | boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, 'api', logger),
        DiscoveryModule,
        PubSubModule,
        AuthCoreModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          // The committed SDL is checked by a test; the running server keeps it in memory.
          autoSchemaFile: opts.schemaFile ?? true,
          sortSchema: true,
          introspection: config.graphql.introspection,
          graphiql: !config.isProduction,
          includeStacktraceInErrorResponses: false,
          fieldResolverEnhancers: ['guards'],
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
          context: buildContext,
          formatError: (formatted, error) => formatError(formatted, error, { exposeInternals: config.env === 'development', logger }),
          // Typed through the driver config: @apollo/server ships separate CJS and ESM typings.
          plugins: [limitsPlugin(config.graphql), metricsPlugin] as unknown as ApolloDriverConfig['plugins'],
        }),
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        AuthResolver,
        UsersResolver,
        ResolverGuardCheck,
        { provide: APP_GUARD, useClass: GqlAuthGuard },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_FILTER, useClass: PassThroughGqlFilter },
      ],
    };
  }
}
