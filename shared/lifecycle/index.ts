export * from './disposable-store';
