import { type MethodHandlers } from '../../shared/contract';
import { type CookieJar } from '../services/cookies';

type CookieMethods = Pick<MethodHandlers, 'cookies.list' | 'cookies.delete' | 'cookies.clear'>;

/** The Cookies dialog's methods over the app run's cookie jar. */
export function cookieHandlers(jar: CookieJar): CookieMethods {
  return {
    'cookies.list': async () => ({ cookies: await jar.list() }),
    'cookies.delete': async (key) => ({ deleted: await jar.delete(key) }),
    'cookies.clear': async ({ domain }) => ({ deleted: await jar.clear(domain) }),
  };
}
