import { sourceOf } from './login-limiter';

describe('sourceOf', () => {
  it('keys IPv6 clients by their /64, whatever the spelling', () => {
    expect(sourceOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2::ffff')).toBe(sourceOf('2001:db8:1:2:9::1'));
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceOf('2001:db8:1:3::1')).not.toBe(sourceOf('2001:db8:1:2::1'));
  });

  it('keeps IPv4 as it is, also when mapped into IPv6', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('unknown')).toBe('unknown');
  });
});
