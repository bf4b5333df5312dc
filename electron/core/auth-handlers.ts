import { CourierError, type HttpRequestSpec, type MethodHandlers, type OAuth2Auth } from '../../shared/contract';
import { resolveRequestSpec, type ResolveEnvironment, type VariableLayer } from '../../shared/variables';
import { type AuthService } from '../services/auth';

type AuthMethods = Pick<
  MethodHandlers,
  | 'auth.oauth2.status'
  | 'auth.oauth2.fetchToken'
  | 'auth.oauth2.begin'
  | 'auth.oauth2.complete'
  | 'auth.oauth2.cancel'
  | 'auth.oauth2.refresh'
  | 'auth.oauth2.clear'
>;

interface AuthHandlerDeps {
  auth: AuthService;
  layers: () => VariableLayer[];
  resolveEnvironment: ResolveEnvironment;
}

/** The OAuth 2.0 methods: the request's auth settings are resolved here, so {{client_secret}} may be a secret. */
export function authHandlers(deps: AuthHandlerDeps): AuthMethods {
  const resolved = (request: HttpRequestSpec): { auth: OAuth2Auth; settings: HttpRequestSpec['settings'] } => {
    const { spec } = resolveRequestSpec(request, deps.layers(), deps.resolveEnvironment);
    if (spec.auth.kind !== 'oauth2') throw new CourierError('INVALID_INPUT', 'This request does not use OAuth 2.0; choose it in the Auth tab first.');
    return { auth: spec.auth, settings: spec.settings };
  };
  return {
    'auth.oauth2.status': async ({ request }) => ({ token: deps.auth.status(resolved(request).auth) }),
    'auth.oauth2.fetchToken': async ({ request }) => {
      const { auth, settings } = resolved(request);
      return { token: await deps.auth.fetchToken(auth, settings) };
    },
    'auth.oauth2.begin': async ({ request }) => {
      const { auth, settings } = resolved(request);
      return deps.auth.begin(auth, settings);
    },
    'auth.oauth2.complete': async ({ flowId }) => ({ token: await deps.auth.complete(flowId) }),
    'auth.oauth2.cancel': async ({ flowId }) => ({ cancelled: deps.auth.cancelFlow(flowId) }),
    'auth.oauth2.refresh': async ({ request }) => {
      const { auth, settings } = resolved(request);
      return { token: await deps.auth.refresh(auth, settings) };
    },
    'auth.oauth2.clear': async ({ request }) => ({ cleared: deps.auth.clear(resolved(request).auth) }),
  };
}
