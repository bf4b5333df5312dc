export { createCookieJar, type CookieJar } from './cookie-jar';
export { jarCookieSecrets, setCookieSecrets } from './cookie-secrets';
export { withJarCookies } from './merge-cookie-header';
export { keepableSetCookies } from './set-cookie-lines';
