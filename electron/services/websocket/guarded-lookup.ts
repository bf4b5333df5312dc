import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { defaultPort } from './compose-url';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type RefusedAddress = (address: string, port: number) => boolean;

/**
 * A `lookup` for `ws` (and anything built on node:net) that refuses, after DNS, every name resolving to an address
 * the host forbids (web mode: its own port), with an error coded SELF_REQUEST_REFUSED.
 */
export function guardedLookup(refused: RefusedAddress | undefined, port: number) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      if (refused && addresses.some((entry) => refused(entry.address, port))) {
        callback(Object.assign(new Error('refused'), { code: 'SELF_REQUEST_REFUSED' }), '', 0);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
  };
}

/** An IP literal never goes through lookup, so it is checked before connecting. */
export function isRefusedLiteral(url: URL, refused: RefusedAddress | undefined): boolean {
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return refused !== undefined && isIP(bare) !== 0 && refused(bare, defaultPort(url));
}
