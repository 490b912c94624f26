import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

/**
 * class-validator looks up a class's constraints anew on every validation, walking every decorated class of the
 * application for inherited ones: with this api's hundreds of DTOs that walk cost more than validating an event body.
 * The answer only changes when a class registers constraints, so it is kept per class and options until then.
 * Installed once, on the one storage class-validator keeps per process (the ValidationPipe's too).
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { jianyiCached?: boolean };
  if (patched.jianyiCached) return;
  patched.jianyiCached = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  const forget = <A extends unknown[]>(register: (...args: A) => void) => (...args: A) => {
    cache = new Map();
    register(...args);
  };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addValidationSchema = forget(storage.addValidationSchema.bind(storage));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map()));
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    // A copy: the caller owns what it is given.
    return found.slice();
  };
}
