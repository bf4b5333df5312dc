import type { KeyValue, RequestAuthInput } from '../../contract';
import { arr, isRecord, str } from '../common/warnings';

interface SecurityResult {
  auth: RequestAuthInput;
  /** variables the auth refers to, created empty so the user sees what to fill in */
  variables: KeyValue[];
  warning: string | null;
}

const empty = (...names: string[]): KeyValue[] => names.map((name) => ({ name, value: '', enabled: true }));

/** The first security requirement Courier can express, as auth that refers to variables for its secrets. */
export function authFromSecurity(requirements: unknown, schemes: Record<string, unknown>): SecurityResult {
  const list = arr(requirements).filter(isRecord);
  if (list.length === 0 || list.some((requirement) => Object.keys(requirement).length === 0)) return { auth: { kind: 'none' }, variables: [], warning: null };
  let warning: string | null = null;
  for (const requirement of list) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      if (!isRecord(scheme)) continue;
      const type = str(scheme.type);
      const httpScheme = str(scheme.scheme).toLowerCase();
      if ((type === 'http' && httpScheme === 'bearer') || (type === 'oauth2' && !isRecord(scheme.flows) && !scheme.flow)) {
        return { auth: { kind: 'bearer', token: '{{bearerToken}}' }, variables: empty('bearerToken'), warning: null };
      }
      if ((type === 'http' && httpScheme === 'basic') || type === 'basic') {
        return { auth: { kind: 'basic', username: '{{username}}', password: '{{password}}' }, variables: empty('username', 'password'), warning: null };
      }
      if (type === 'http' && httpScheme === 'digest') {
        return { auth: { kind: 'digest', username: '{{username}}', password: '{{password}}' }, variables: empty('username', 'password'), warning: null };
      }
      if (type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) {
        return { auth: { kind: 'apikey', name: str(scheme.name), value: '{{apiKey}}', in: scheme.in }, variables: empty('apiKey'), warning: null };
      }
      if (type === 'oauth2') {
        // 3.x: flows.{clientCredentials,authorizationCode,…}; 2.0: flow + tokenUrl/authorizationUrl
        const flows = isRecord(scheme.flows) ? scheme.flows : {};
        const code = isRecord(flows.authorizationCode) ? flows.authorizationCode : scheme.flow === 'accessCode' ? scheme : null;
        const client = isRecord(flows.clientCredentials) ? flows.clientCredentials : scheme.flow === 'application' ? scheme : null;
        const flow = client ?? code;
        if (flow) {
          const scopes = isRecord(requirement)
            ? arr(requirement[name])
                .map((scope) => str(scope))
                .join(' ')
            : '';
          return {
            auth: {
              kind: 'oauth2',
              grant: client ? 'client_credentials' : 'authorization_code',
              tokenUrl: str(flow.tokenUrl),
              authorizationUrl: str(flow.authorizationUrl),
              clientId: '{{clientId}}',
              clientSecret: '{{clientSecret}}',
              scope: scopes,
            },
            variables: empty('clientId', 'clientSecret'),
            warning: null,
          };
        }
      }
      warning = `The security scheme "${name}" (${type}${httpScheme ? ` ${httpScheme}` : ''}${scheme.in ? ` in ${str(scheme.in)}` : ''}) is not supported.`;
    }
  }
  return { auth: { kind: 'none' }, variables: [], warning };
}
