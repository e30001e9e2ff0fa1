import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import * as path from 'node:path';
import { AuthCoreModule } from '@app/auth';
import { Logger } from '@app/common';
import { AppConfig, APP_CONFIG } from '@app/config';
import { CoreModule } from '@app/core';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuthResolver } from './auth/auth.resolver';
import { ShortlistApiModule } from './shortlist/shortlist-api.module';
import { SimilarityApiModule } from './integrity/similarity-api.module';
import { GqlAuthGuard } from './graphql/auth.guard';
import { buildContext } from './graphql/context';
import { documentSizeMiddleware } from './graphql/document-size.middleware';
import { formatError } from './graphql/errors';
import { PassThroughGqlFilter } from './graphql/exception.filter';
import { GraphqlWsServer } from './graphql/graphql-ws.server';
import { limitsPlugin } from './graphql/limits.plugin';
import { metricsPlugin } from './graphql/metrics.plugin';
import { PubSubModule } from './graphql/pubsub.module';
import { ResolverGuardCheck } from './graphql/resolver-guard.check';
import { validationPipe } from './graphql/validation.pipe';
import { HealthController } from './health/health.controller';
import { HiringApiModule } from './hiring/hiring.module';
import { PrivacyApiModule } from './privacy/privacy-api.module';
import { RubricsApiModule } from './rubrics/rubrics.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { TimelineApiModule } from './timeline/timeline.module';
import { UsersResolver } from './users/users.resolver';

export const SCHEMA_FILE = path.join(__dirname, '..', 'schema.graphql');

/** Feature modules: each brings its own resolvers. */
const FEATURE_MODULES = [SubmissionsModule, HiringApiModule, AssessmentsModule, RubricsApiModule, ShortlistApiModule, TimelineApiModule, SimilarityApiModule, PrivacyApiModule];

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(documentSizeMiddleware(this.config.graphql)).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

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
          // graphql-ws is served by GraphqlWsServer, with the same limits and error formatting.
          context: buildContext,
          parseOptions: { maxTokens: config.graphql.maxTokens },
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
        {
          provide: GraphqlWsServer,
          useFactory: (adapterHost: HttpAdapterHost, schemaHost: GraphQLSchemaHost) =>
            new GraphqlWsServer(
              {
                path: '/graphql',
                limits: config.graphql,
                maxMessageBytes: config.graphql.wsMaxMessageBytes,
                exposeInternals: config.env === 'development',
                logger,
              },
              adapterHost,
              schemaHost,
            ),
          inject: [HttpAdapterHost, GraphQLSchemaHost],
        },
        { provide: APP_GUARD, useClass: GqlAuthGuard },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_FILTER, useClass: PassThroughGqlFilter },
      ],
    };
  }
}
