import { BlockList, isIP } from 'node:net';

/**
 * Loopback and "unspecified" addresses, both of which reach this machine. IPv4-mapped IPv6 forms (::ffff:127.0.0.1,
 * ::ffff:7f00:1) match the IPv4 rules because BlockList checks them that way.
 */
function createLocalAddressList(): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  // 0.0.0.0/8 means "this host" to the Linux and macOS network stacks: a connect() to it lands on loopback.
  list.addSubnet('0.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addAddress('::', 'ipv6');
  return list;
}

export function isLocalAddress(address: string, list: BlockList = createLocalAddressList()): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (bare.toLowerCase() === 'localhost' || bare.toLowerCase().endsWith('.localhost')) return true;
  const family = isIP(bare);
  if (family === 4) return list.check(bare, 'ipv4');
  if (family === 6) return list.check(bare, 'ipv6');
  return false;
}

/**
 * Web mode must not let the HTTP engine call the web server itself: a request to 127.0.0.1:<own port> would reach
 * the bridge from the inside. Other local ports stay allowed (calling a local dev server is the app's main use).
 */
export function createSelfRequestGuard(ownPort: number): (address: string, port: number) => boolean {
  const list = createLocalAddressList();
  return (address, port) => port === ownPort && isLocalAddress(address, list);
}
