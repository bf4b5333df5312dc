export { createCourier, type Courier, type CourierOptions } from './create-courier';
export { type CourierEventListener } from './event-hub';
export { parseExternalUrl } from './external-url';
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
export { readPackageVersion } from './package-version';
export { removeLeftoverSpool } from './spool-dir';
