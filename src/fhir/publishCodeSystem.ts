import { writeFileSync } from 'node:fs';
import { hccMdtCodeSystem } from './codeSystem.js';

/** Writes fhir/CodeSystem-hcc-mdt.json from the code table (`npm run fhir:codesystem`, from the project root). */
writeFileSync('fhir/CodeSystem-hcc-mdt.json', `${JSON.stringify(hccMdtCodeSystem(), null, 2)}\n`);
