export { startWebHost, WEB_HOST_ADDRESS, type WebHost, type WebHostOptions } from './start-web-host';
export { createSelfRequestGuard, isLocalAddress } from './refused-address';
