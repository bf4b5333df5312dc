export * from './servers';
export * from './certificates';
export * from './unhandled-trap';
export * from './hostile-servers';
export * from './leak-scan';
export * from './oauth-server';
export * from './digest-server';
export * from './ws-servers';
