import { ApiHarness, startApi } from '@app/api-testing';

const STRICT = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('security headers', () => {
  describe('development', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi({ NODE_ENV: 'development' });
    });
    afterAll(() => api.close());

    it.each([
      ['GET', '/', 'text/html'],
      ['GET', '/health', '*/*'],
      ['GET', '/no-such-page', 'application/json'],
      ['POST', '/graphql', 'application/json'],
      ['GET', '/jobs/00000000-0000-4000-8000-000000000000/shortlist.csv', '*/*'],
    ])('%s %s carries the strict policy', async (method, path, accept) => {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { accept, 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
      for (const [name, value] of Object.entries(STRICT)) expect(res.headers.get(name)).toBe(value);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('connect-src')).toBe(`'self' ws://${new URL(api.url).host} wss://${new URL(api.url).host}`);
    });

    it('relaxes the policy for the GraphiQL page only, and it still cannot be framed', async () => {
      const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('GraphiQL');
      const csp = directives(page.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toBe("'self' 'unsafe-inline' https://unpkg.com");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    });

    it('never reflects a hostile Host header into the policy', async () => {
      const { request } = await import('node:http');
      const csp = await new Promise<string>((resolve, reject) => {
        const u = new URL(api.url);
        request({ host: u.hostname, port: u.port, path: '/health', headers: { host: "evil; script-src 'unsafe-inline'" } }, (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        })
          .on('error', reject)
          .end();
      });
      expect(csp).not.toContain('evil');
      expect(directives(csp).get('script-src')).toBe("'self'");
    });
  });

  it('in production GET /graphql from a browser gets the strict policy (no GraphiQL)', async () => {
    const api = await startApi({ NODE_ENV: 'production' });
    try {
      const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(directives(res.headers.get('content-security-policy')).get('script-src')).toBe("'self'");
    } finally {
      await api.close();
    }
  });
});
