export { createCookieJar, type CookieJar } from './cookie-jar';
export { withJarCookies } from './merge-cookie-header';
export { keepableSetCookies } from './set-cookie-lines';
