export { createCourier, type Courier } from './create-courier';
export { parseExternalUrl } from './external-url';
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
export { readPackageVersion } from './package-version';
export { removeLeftoverSpool } from './spool-dir';
