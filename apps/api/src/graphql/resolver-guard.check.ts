import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

// @nestjs/graphql marks resolver classes and handler methods with these metadata keys.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';
const RESOLVER_PROPERTY = 'graphql:resolve_property';

export function findUnguardedResolvers(
  instances: object[],
  reflector: Reflector,
  scanner: MetadataScanner,
): string[] {
  const unguarded: string[] = [];
  for (const instance of instances) {
    const cls = instance.constructor;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as () => unknown;
      const isGraphqlHandler =
        [RESOLVER_TYPE, RESOLVER_NAME, RESOLVER_PROPERTY].some((key) => Reflect.getMetadata(key, handler) !== undefined);
      if (!isGraphqlHandler) continue;
      const targets = [handler, cls];
      const declared =
        reflector.getAllAndOverride(PUBLIC_KEY, targets) !== undefined || reflector.getAllAndOverride(ROLES_KEY, targets) !== undefined;
      if (!declared) unguarded.push(`${cls.name}.${name}`);
    }
  }
  return unguarded;
}

/** Refuses to boot when a GraphQL handler declares neither @Roles nor @Public. */
@Injectable()
export class ResolverGuardCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const instances = this.discovery
      .getProviders()
      .map((w) => w.instance as object | undefined)
      .filter((i): i is object => !!i && typeof i === 'object');
    const unguarded = findUnguardedResolvers(instances, this.reflector, this.scanner);
    if (unguarded.length) {
      throw new Error(`Unguarded GraphQL resolvers (add @Roles or @Public): ${unguarded.join(', ')}`);
    }
  }
}
