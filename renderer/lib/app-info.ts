import { useQuery } from '@tanstack/react-query';
import type { MethodOutput } from '../../shared/contract';
import { call } from './bridge';

type AppInfo = MethodOutput<'app.info'>;
type HostCapabilities = AppInfo['capabilities'];

/** app.info never changes while the window is open: asked once, shared by every reader */
export function useAppInfo() {
  return useQuery({ queryKey: ['app', 'info'], queryFn: () => call('app.info', {}), staleTime: Number.POSITIVE_INFINITY });
}

/**
 * What this host can do (a native folder dialog, links in the system browser, the OS keychain). Until app.info
 * answers, nothing optional is offered: a button that appears late is better than one that fails.
 */
export function useHostCapabilities(): HostCapabilities {
  const info = useAppInfo();
  return info.data?.capabilities ?? { folderDialog: false, openExternal: false, osKeychain: false };
}
