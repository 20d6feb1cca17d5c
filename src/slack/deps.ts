import type { WebClient } from '@slack/web-api';
import type { UnitSystem } from '../parse/parseResult.js';
import type { ActionClaims } from './actionClaims.js';
import type { CaseStoreDeps } from './caseThread.js';
import { DELIVERY_DEADLINE_MS, type DeliveryContext } from './deliver.js';
import type { AppLogger, LogFields } from './log.js';
import type { Services } from './services.js';

/** What every listener gets from `createApp`: the pipeline, the logger and the team's settings. */
export interface ListenerDeps {
  services: Services;
  log: AppLogger;
  units: UnitSystem | undefined;
  /** Longest Retry-After we wait out before explaining a rate limit to the user instead. */
  maxRateLimitWaitSeconds: number;
  /** The case store; without it every door is stateless (tests, or a deployment that wants no record). */
  store?: CaseStoreDeps | undefined;
  /** The installation's FHIR base URL (HCC_MDT_FHIR_BASE_URL), for *Export FHIR*. */
  fhirBaseUrl?: string | undefined;
  /** Once-only claims for buttons that post or write (Share) and for submitted forms (views/oncePerView.ts). */
  actionClaims: ActionClaims;
  /** Channel membership for the App Home worklist, remembered briefly. */
  membership: Membership;
}

/** Which of some channels a person is a member of (decisions/membership.ts asks Slack and remembers briefly). */
export interface Membership {
  memberOf(client: WebClient, team: string, channels: readonly string[], user: string): Promise<string[]>;
}

export const deliveryContext = (deps: ListenerDeps, fields: LogFields): DeliveryContext => ({
  log: deps.log,
  fields,
  maxRateLimitWaitSeconds: deps.maxRateLimitWaitSeconds,
  deadline: Date.now() + DELIVERY_DEADLINE_MS,
});

export const elapsed = (start: number) => Math.round(performance.now() - start);

/**
 * Runs a listener body; an unexpected exception (a renderer bug, say) is logged by code and turned into a short
 * private apology via `apologise`, so one bad request never surfaces as a crash or a silent failure.
 */
export async function guarded(
  deps: ListenerDeps,
  fields: LogFields,
  apologise: (text: string) => Promise<unknown>,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    deps.log.error('listener failed', {
      ...fields,
      outcome: 'error',
      code: typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown',
    });
    try {
      await apologise('Sorry, something went wrong on my side and nothing was posted. Please try again.');
    } catch {
      // already logged; nothing more to do
    }
  }
}
