import { defaultRandomInt, defaultUuid } from './dynamic';
import type { ResolveEnvironment } from './types';

/**
 * The same request resolved twice must see the same {{$uuid}}, {{$timestamp}} and {{$randomInt}}: `first` records
 * the values it hands out, `replay()` gives an environment that hands out the same ones in the same order.
 */
export function recordDynamicValues(env: ResolveEnvironment): { first: ResolveEnvironment; replay: () => ResolveEnvironment } {
  const uuids: string[] = [];
  const times: number[] = [];
  const ints: number[] = [];
  const first: ResolveEnvironment = {
    ...env,
    uuid: () => push(uuids, (env.uuid ?? defaultUuid)()),
    now: () => push(times, (env.now ?? Date.now)()),
    randomInt: () => push(ints, (env.randomInt ?? defaultRandomInt)()),
  };
  const replay = (): ResolveEnvironment => {
    const at = { uuid: 0, now: 0, int: 0 };
    return {
      ...env,
      uuid: () => uuids[at.uuid++] ?? (env.uuid ?? defaultUuid)(),
      now: () => times[at.now++] ?? (env.now ?? Date.now)(),
      randomInt: () => ints[at.int++] ?? (env.randomInt ?? defaultRandomInt)(),
    };
  };
  return { first, replay };
}

function push<T>(list: T[], value: T): T {
  list.push(value);
  return value;
}
