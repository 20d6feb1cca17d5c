import type { DecisionRepository, DueAgendas, DueReminders } from '../../cases/decisionRepository.js';
import type { DecisionDeps } from '../../cases/decisionService.js';
import type { CaseRepository } from '../../cases/repository.js';
import { identifierScreen } from '../../decisionDeps.js';
import { KyselyDecisionRepository } from '../../store/decisionRepository.js';
import type { Store } from '../../store/openStore.js';

/** The decision repository and the case layer's decision services on the app's store, for every Slack door. */

/** What these need of the app's store (the Slack doors' store deps, or the opened store itself). */
type AppStore = { cases: CaseRepository };

const repos = new WeakMap<object, KyselyDecisionRepository>();

/** The decision repository on the app's store (the store opened at start-up); null without a store. */
export function decisionsOf(
  store: AppStore | undefined,
): (DecisionRepository & DueReminders & DueAgendas) | null {
  if (!store || !('db' in store) || !('dialect' in store)) return null;
  let repo = repos.get(store);
  if (!repo) {
    const s = store as unknown as Store;
    repo = new KyselyDecisionRepository(s.db, s.dialect);
    repos.set(store, repo);
  }
  return repo;
}

export function serviceDeps(store: AppStore, now: () => Date = () => new Date()): DecisionDeps | null {
  const decisions = decisionsOf(store);
  if (!decisions) return null;
  return {
    cases: store.cases,
    decisions,
    screen: identifierScreen,
    newId: () => crypto.randomUUID(),
    now,
  };
}
