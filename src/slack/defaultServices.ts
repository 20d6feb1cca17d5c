import { mrecist } from '../clinical/mrecist.js';
import { parseMrecist } from '../parse/parseMrecist.js';
import { assessCaseInput, assessText } from '../pipeline.js';
import { searchReferences } from '../references/search.js';
import { renderEvidenceMessage, renderReferenceResults } from '../render/evidence.js';
import { renderHelpMessage } from '../render/help.js';
import { renderIgnoredNotice } from '../render/ignored.js';
import { renderMrecistMessage } from '../render/mrecist.js';
import { renderPrivacyNotice } from '../render/privacy.js';
import { renderProblemsMessage } from '../render/problems.js';
import { renderSummaryMessage } from '../render/summaryBlocks.js';
import type { Services } from './services.js';

/** The real pipeline, parser, references and renderers, as the Slack doors use them; wired in by `main.ts`. */
export const defaultServices: Services = {
  assessText,
  assessCaseInput,
  parseMrecist,
  mrecist,
  searchReferences,
  render: {
    summary: renderSummaryMessage,
    problems: renderProblemsMessage,
    privacy: renderPrivacyNotice,
    ignored: renderIgnoredNotice,
    help: renderHelpMessage,
    mrecist: renderMrecistMessage,
    evidence: renderEvidenceMessage,
    references: (_query, found) => renderReferenceResults(found),
  },
};
