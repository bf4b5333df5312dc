import { WEB_BRIDGE_NAME } from '../../shared/contract/values';

/**
 * The bridge's WebSocket address for a page served at /s/<token>/ (or /s/<token>/index.html): the bridge name
 * resolved against the page's own address, so the token comes from where the page already is and is never written
 * into the page. A query or fragment on the page's address does not carry over.
 */
export function webBridgeUrl(pageHref: string): string {
  const url = new URL(WEB_BRIDGE_NAME, pageHref);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}
