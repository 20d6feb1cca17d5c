/** Public surface of the evidence base: schemas and types, lookups, and the card/JSON formatting. */
export { effectLine, formatHr, trialEffect } from './format.js';
export {
  allReferences,
  evidenceForOption,
  getReference,
  type SearchResult,
  searchReferences,
  toJsonResult,
} from './lookup.js';
export * from './schema.js';
