import type { ResolveEnvironment } from './types';

/** Dynamic values start with "$", which stored variable names may not (see VARIABLE_NAME in the contract). */
export const DYNAMIC_NAMES = ['$uuid', '$timestamp', '$isoTimestamp', '$randomInt'] as const;
export const PROCESS_ENV_PREFIX = '$env.';
/** an Auth tab credential kept in the vault (see shared/auth/credential-refs.ts) */
export const CREDENTIAL_REF_PREFIX = '$credential.';
const RANDOM_INT_MAX = 1000;
export const DYNAMIC_LABEL = 'Dynamic value';
export const PROCESS_ENV_LABEL = 'Process environment';

// shared/ is compiled without DOM or Node types, yet Node 20, Electron and browsers all have Web Crypto.
interface MaybeCrypto {
  crypto?: { randomUUID?: () => string; getRandomValues?: (array: Uint8Array) => Uint8Array };
}

function fallbackUuid(): string {
  const bytes = new Uint8Array(16);
  const crypto = (globalThis as MaybeCrypto).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function defaultUuid(): string {
  const crypto = (globalThis as MaybeCrypto).crypto;
  return crypto?.randomUUID ? crypto.randomUUID() : fallbackUuid();
}

export function defaultRandomInt(): number {
  return Math.floor(Math.random() * (RANDOM_INT_MAX + 1));
}

/** A fresh value for a dynamic name, or undefined when the name is not one. */
export function dynamicValue(name: string, env: ResolveEnvironment): string | undefined {
  switch (name) {
    case '$uuid':
      return (env.uuid ?? defaultUuid)();
    case '$timestamp':
      return String(Math.floor((env.now ?? Date.now)() / 1000));
    case '$isoTimestamp':
      return new Date((env.now ?? Date.now)()).toISOString();
    case '$randomInt':
      return String((env.randomInt ?? defaultRandomInt)());
    default:
      return undefined;
  }
}
