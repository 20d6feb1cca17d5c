import { z } from 'zod';

/**
 * Case IDs are random and pseudonymous ("HCC-7QK2M"): never derived from the patient, the channel, the thread or
 * the time. Five symbols from a 30-symbol alphabet give about 24.3 million IDs; the store refuses a duplicate and
 * the caller draws again. The alphabet leaves out 0/O, 1/I/L and U so an ID read aloud or copied by hand survives.
 */
export const CASE_ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 5;

export const CaseIdSchema = z
  .string()
  .regex(new RegExp(`^HCC-[${CASE_ID_ALPHABET}]{${LENGTH}}$`), 'must look like HCC-7QK2M');
export type CaseId = z.infer<typeof CaseIdSchema>;

/** A source of random bytes; Web Crypto's by default (a cryptographic generator: IDs must not be guessable). */
export type RandomBytes = (n: number) => Uint8Array;
const cryptoBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export function newCaseId(random: RandomBytes = cryptoBytes): CaseId {
  let id = 'HCC-';
  while (id.length < 4 + LENGTH) {
    // Rejection sampling keeps every symbol equally likely (256 is not a multiple of the alphabet's size).
    for (const byte of random(LENGTH)) {
      const limit = 256 - (256 % CASE_ID_ALPHABET.length);
      if (byte < limit && id.length < 4 + LENGTH) id += CASE_ID_ALPHABET[byte % CASE_ID_ALPHABET.length];
    }
  }
  return id;
}

/** A case ID as a person typed it: case and surrounding spaces forgiven, "hcc-7qk2m" reads as "HCC-7QK2M". */
export function readCaseId(text: string): CaseId | null {
  const checked = CaseIdSchema.safeParse(text.trim().toUpperCase());
  return checked.success ? checked.data : null;
}
