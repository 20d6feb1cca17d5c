import { randomUUID } from 'node:crypto';
import type { IdentifierScreen } from './cases/decisionScreen.js';
import type { DecisionDeps } from './cases/decisionService.js';
import { describeIdentifier, findIdentifierRanges } from './parse/identifiers.js';
import { KyselyDecisionRepository } from './store/decisionRepository.js';
import type { Store } from './store/openStore.js';

/**
 * The composition of decisions for the two doors (CLI and Slack): the parser's identifier screen, the decision
 * repository on the opened store, random ids and the clock.
 */

/** The parser's identifier screen as the case layer takes it: what was seen, never the text. */
export const identifierScreen: IdentifierScreen = (text) =>
  findIdentifierRanges(text).map(describeIdentifier);

export function decisionDeps(
  store: Store,
  now: () => Date = () => new Date(),
): DecisionDeps & { repo: KyselyDecisionRepository } {
  const repo = new KyselyDecisionRepository(store.db, store.dialect);
  return { cases: store.cases, decisions: repo, repo, screen: identifierScreen, newId: randomUUID, now };
}
