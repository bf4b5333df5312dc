import { describe, expect, it } from 'vitest';
import { createSelfRequestGuard, isLocalAddress } from './refused-address';

describe('self-request guard', () => {
  const refused = createSelfRequestGuard(4567);

  it('refuses the host’s own port on every loopback and unspecified address', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0.0.0.0', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:0:0:1', 'localhost']) {
      expect(refused(address, 4567), address).toBe(true);
    }
  });

  it('allows other ports on loopback and the same port elsewhere', () => {
    expect(refused('127.0.0.1', 4568)).toBe(false);
    expect(refused('::1', 3000)).toBe(false);
    for (const address of ['192.168.1.10', '10.0.0.1', '93.184.216.34', '::ffff:10.0.0.1', '2001:db8::1']) {
      expect(refused(address, 4567), address).toBe(false);
    }
  });

  it('recognises local addresses', () => {
    expect(isLocalAddress('127.255.255.254')).toBe(true);
    expect(isLocalAddress('128.0.0.1')).toBe(false);
    expect(isLocalAddress('not an address')).toBe(false);
  });
});
