import { wsWorkspaceSessionSchema, type WsWorkspaceSession } from '../../../shared/contract';
import { redactStoredAuth } from '../../../shared/auth';
import type { SettingsStore } from '../settings-store';

const WS_SESSION_KEY = 'workspace.wsSession';

/** The open WebSocket tabs as last written; none when nothing (or something unreadable) was. */
export function readWsSession(store: Pick<SettingsStore, 'get'>): WsWorkspaceSession {
  const parsed = wsWorkspaceSessionSchema.safeParse(store.get(WS_SESSION_KEY));
  return parsed.success ? parsed.data : { tabs: [], activeId: null };
}

/** Written as the HTTP session is: a credential typed into a tab's Auth is masked, a {{reference}} kept. */
export function writeWsSession(store: Pick<SettingsStore, 'set'>, session: WsWorkspaceSession): void {
  const safe = { ...session, tabs: session.tabs.map((tab) => ({ ...tab, request: { ...tab.request, auth: redactStoredAuth(tab.request.auth) } })) };
  store.set(WS_SESSION_KEY, safe);
}
