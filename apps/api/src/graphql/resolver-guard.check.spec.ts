import { MetadataScanner, Reflector } from '@nestjs/core';
import { Args, Query, ResolveField, Resolver, Mutation } from '@nestjs/graphql';
import { Role } from '@app/domain';
import { findUnguardedResolvers } from './resolver-guard.check';
import { Public, Roles } from './roles.decorator';

@Resolver()
class Guarded {
  @Public()
  @Query(() => String)
  open(): string {
    return '';
  }

  @Roles(Role.ADMIN)
  @Mutation(() => String)
  admin(@Args('x') x: string): string {
    return x;
  }

  helper(): void {}
}

@Resolver()
@Roles(Role.RECRUITER)
class GuardedByClass {
  @Query(() => String)
  a(): string {
    return '';
  }

  @ResolveField(() => String)
  b(): string {
    return '';
  }
}

@Resolver()
class Leaky {
  @Query(() => String)
  forgotten(): string {
    return '';
  }

  @Roles(Role.ADMIN)
  @Query(() => String)
  fine(): string {
    return '';
  }

  @ResolveField(() => String)
  nested(): string {
    return '';
  }
}

describe('findUnguardedResolvers', () => {
  const check = (...instances: object[]) => findUnguardedResolvers(instances, new Reflector(), new MetadataScanner());

  it('accepts handlers that declare roles or @Public, on the method or the class', () => {
    expect(check(new Guarded(), new GuardedByClass())).toEqual([]);
  });

  it('names every query, mutation and field resolver without a declaration', () => {
    expect(check(new Guarded(), new Leaky())).toEqual(['Leaky.forgotten', 'Leaky.nested']);
  });
});
