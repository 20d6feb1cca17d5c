import { createHash } from 'node:crypto';
import type { BundleEntry, Practitioner, Reference, Resource } from '@medplum/fhirtypes';
import { z } from 'zod';

/**
 * The installation-specific part of an export: the base URL that names this installation. Resources get
 * `fullUrl = <base>/<type>/<id>` and the Patient's one identifier lives under `<base>/sid/case-id`, so two
 * installations never mint the same identifier.
 */
export const ExportOptionsSchema = z.strictObject({
  /** e.g. "https://mdt.hospital.example/fhir"; no trailing slash needed. */
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://mdt.hospital.example/fhir' })
    .transform((u) => u.replace(/\/+$/, '')),
  /** Bundle.timestamp. */
  exportedAt: z.iso.datetime({ offset: true }),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

/** Used when an installation has not set its own base URL (`.invalid` is reserved and resolves nowhere). */
export const DEFAULT_BASE_URL = 'https://hcc-mdt.invalid/fhir';

export const caseIdSystem = (baseUrl: string): string => `${baseUrl}/sid/case-id`;

const MAX_ID = 64;

/**
 * A stable resource id from the case ID and a key ("lab-bilirubin", "careplan-<decision id>"), so that exporting
 * the same case twice gives the same ids. FHIR ids allow [A-Za-z0-9-.] up to 64 characters; longer keys are
 * shortened with a hash of the whole.
 */
export function resourceId(caseId: string, ...key: string[]): string {
  const raw = [caseId, ...key].join('-').replace(/[^A-Za-z0-9.-]/g, '-');
  if (raw.length <= MAX_ID) return raw;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return `${raw.slice(0, MAX_ID - hash.length - 1)}-${hash}`;
}

type Typed = Resource & { id: string };

export function reference<T extends Resource>(resource: T & { id: string }): Reference<T> {
  return { reference: `${resource.resourceType}/${resource.id}` };
}

export function bundleEntry(baseUrl: string, resource: Typed): BundleEntry {
  return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource };
}

/** A team member as a reference: a Slack user ID or the initials or role given on the CLI. Never a patient. */
export function actor(who: string): Reference<Practitioner> {
  return { display: who };
}
