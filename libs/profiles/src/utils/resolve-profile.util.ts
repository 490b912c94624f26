import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEFAULT_PROFILE } from '../constants/default-profile.constant';
import { JurisdictionProfile } from '../dtos/jurisdiction-profile.dto';
import { InvalidProfileError } from '../exceptions/invalid-profile.error';
import { formatValidationErrors } from './format-validation-errors.util';
import { isPlainObject, mergeOverrides } from './merge-overrides.util';

/**
 * Builds a jurisdiction's profile: `overrides` (plain JSON, arrays replace) deep-merged onto
 * DEFAULT_PROFILE, then validated. Unknown fields are refused rather than dropped, so a typo in an
 * override cannot silently fall back to a default.
 *
 * @param overrides the jurisdiction's stored overrides; `null`/`undefined` mean "all defaults"
 * @param path root of the field paths in error messages
 * @throws InvalidProfileError listing every bad field with its full dotted path
 */
export function resolveProfile(overrides: unknown, path = 'profile'): JurisdictionProfile {
  if (overrides !== null && overrides !== undefined && !isPlainObject(overrides)) {
    throw new InvalidProfileError([`${path} must be an object`]);
  }
  const errors: string[] = [];
  const merged = mergeOverrides({ base: DEFAULT_PROFILE, overrides: overrides ?? undefined, path, errors });
  const profile = plainToInstance(JurisdictionProfile, merged);
  const validationErrors = validateSync(profile, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  errors.push(...formatValidationErrors(validationErrors, path));
  if (errors.length > 0) throw new InvalidProfileError(errors);
  return profile;
}
