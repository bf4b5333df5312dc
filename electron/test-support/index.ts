export * from './servers';
export * from './certificates';
export * from './unhandled-trap';
export * from './hostile-servers';
