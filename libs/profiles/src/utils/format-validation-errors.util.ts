import type { ValidationError } from 'class-validator';

const WHITELIST_CONSTRAINT = 'whitelistValidation';

/**
 * class-validator names only the last property ("amount must not be less than 1"); an admin editing
 * a nested profile needs the full path, so the first mention of the property becomes the path.
 */
function formatConstraint({ constraint, message, property, path }: {
  constraint: string;
  message: string;
  property: string;
  path: string;
}): string {
  if (constraint === WHITELIST_CONSTRAINT) return `${path} is not a known field`;
  const escaped = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mention = new RegExp(`(^|\\s)${escaped}(?![\\w])`);
  return mention.test(message) ? message.replace(mention, `$1${path}`) : `${path}: ${message}`;
}

/** Flattens a class-validator error tree into one message per failed constraint, each with its dotted path. */
export function formatValidationErrors(errors: ValidationError[], parentPath: string): string[] {
  return errors.flatMap((error) => {
    const path = `${parentPath}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      formatConstraint({ constraint, message, property: error.property, path }),
    );
    return [...own, ...formatValidationErrors(error.children ?? [], path)];
  });
}
