import type { IncomingMessage } from 'node:http';
import { cookieNames, foreignOrigin, readCookie, sessionCookie } from './session-cookie';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('session cookie helpers', () => {
  it('reads one cookie by exact name, decoding it', () => {
    const header = 'a=1; hp_session_x=no; hp_session=eyJ.a%2Bb.c; __Host-hp_csrf="q"';
    expect(readCookie(header, 'hp_session')).toBe('eyJ.a+b.c');
    expect(readCookie(header, '__Host-hp_csrf')).toBe('q');
    expect(readCookie(header, 'hp_csrf')).toBeUndefined();
    expect(readCookie(undefined, 'hp_session')).toBeUndefined();
    expect(readCookie('hp_session=%E0%A4%A', 'hp_session')).toBe('%E0%A4%A');
  });

  it('prefers the __Host- session cookie and treats an empty one as none', () => {
    expect(sessionCookie(req({ cookie: 'hp_session=plain; __Host-hp_session=secure' }))).toBe('secure');
    expect(sessionCookie(req({ cookie: 'hp_session=' }))).toBeUndefined();
    expect(cookieNames(true)).toEqual({ session: '__Host-hp_session', csrf: '__Host-hp_csrf' });
    expect(cookieNames(false)).toEqual({ session: 'hp_session', csrf: 'hp_csrf' });
  });

  it('accepts no Origin or one naming the Host, and refuses any other', () => {
    expect(foreignOrigin(req({ host: 'app.example:8443' }))).toBeUndefined();
    expect(foreignOrigin(req({ host: 'app.example:8443', origin: 'https://app.example:8443' }))).toBeUndefined();
    for (const origin of ['https://app.example', 'https://evil.example', 'https://app.example:8443.evil.example', 'null', 'not a url']) {
      expect(foreignOrigin(req({ host: 'app.example:8443', origin }))).toMatch(/another origin .* cannot use the session cookie/);
    }
  });
});
