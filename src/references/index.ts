/** Public surface of the evidence base: schemas and types, lookups, search, and the card/JSON formatting. */
export { effectLine, formatHr, trialEffect } from './format.js';
export { toJsonResult } from './json.js';
export { allReferences, entryEffect, evidenceForOption, getReference } from './lookup.js';
export * from './schema.js';
export { type SearchResult, searchReferences } from './search.js';
