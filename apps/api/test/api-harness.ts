import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { createLogger } from '@app/common';
import { Role } from '@app/domain';
import { createTestDatabase, gql, GqlResponse, ok, TestDatabase, testConfig } from '@app/testing';
import { createApi } from '../src/bootstrap';

export const TEST_PASSWORD = 'test-password-123';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

let counter = 0;

export interface ApiHarness {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  login(email: string, password: string): Promise<string>;
  /** Seeds an account of any role (password TEST_PASSWORD) and logs it in. */
  user(role: Role, email?: string): Promise<TestUser>;
  close(): Promise<void>;
}

/** The real API on a fresh database (TEST_DB_DIALECT: PostgreSQL or SQLite) and real Redis, listening on a random port. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const config = testConfig(db.config, env);
  const app = await createApi(config, createLogger(config.logLevel, 'api-test'));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const harness: ApiHarness = {
    app,
    config,
    db,
    url,
    gql: (query, variables, token) => gql(url, query, variables, token),
    async login(email, password) {
      const res = await gql<{ login: { accessToken: string } }>(
        url,
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email, password } },
      );
      return ok(res).login.accessToken;
    },
    async user(role, email) {
      const address = email ?? `${role.toLowerCase()}-${process.pid}-${++counter}@example.com`;
      const created = await app.get(UsersService).seed({ email: address, name: `${role} ${counter}`, password: TEST_PASSWORD, role });
      const token = await harness.login(address, TEST_PASSWORD);
      return { id: created.id, email: created.email, token };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return harness;
}
