export * from './profile.types';
export * from './dtos/deadline-rules.dto';
export * from './dtos/classification.dto';
export * from './dtos/jurisdiction-profile.dto';
export * from './constants/default-profile.constant';
export * from './exceptions/invalid-profile.error';
export { approximateDays } from './validators/profile-cross-field.validator';
export * from './utils/resolve-profile.util';
export * from './utils/to-suggestion-rules.util';
