import { createRequire } from 'node:module';

/**
 * The date-fns functions the case layer uses, loaded from date-fns's CommonJS build. Its ES-module build is the
 * same code, but Node 24's ES-module loader reads the package's 200 KB package.json again for every file it
 * loads, and `format` alone is some sixty files. Loading the app's modules took 171 MB of resident memory with
 * these functions imported as ES modules and 124 MB with this file (and 292 MB with the package imported whole).
 * The types are the package's own.
 */
const require = createRequire(import.meta.url);

export const { addDays } = require('date-fns/addDays') as typeof import('date-fns/addDays');
export const { addMonths } = require('date-fns/addMonths') as typeof import('date-fns/addMonths');
export const { addWeeks } = require('date-fns/addWeeks') as typeof import('date-fns/addWeeks');
export const { differenceInCalendarDays } =
  require('date-fns/differenceInCalendarDays') as typeof import('date-fns/differenceInCalendarDays');
export const { differenceInDays } =
  require('date-fns/differenceInDays') as typeof import('date-fns/differenceInDays');
export const { format } = require('date-fns/format') as typeof import('date-fns/format');
export const { isAfter } = require('date-fns/isAfter') as typeof import('date-fns/isAfter');
export const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
export const { isWeekend } = require('date-fns/isWeekend') as typeof import('date-fns/isWeekend');
export const { parseISO } = require('date-fns/parseISO') as typeof import('date-fns/parseISO');
export const { subDays } = require('date-fns/subDays') as typeof import('date-fns/subDays');
