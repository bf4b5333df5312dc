export { cookieScope, formatCookieExpiry, groupByDomain, type CookieDomainGroup } from './cookie-view';
