export * from './servers';
export * from './certificates';
export * from './unhandled-trap';
export * from './hostile-servers';
export * from './ws-servers';
