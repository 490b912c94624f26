import { InitialSchema1795911665461 } from './1795911665461-InitialSchema';

/** Every migration in order; the data source runs these and nothing else (never `synchronize`). */
export const MIGRATIONS = [InitialSchema1795911665461];
