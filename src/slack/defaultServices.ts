import { mrecist } from '../clinical/mrecist.js';
import { parseMrecist } from '../parse/parseMrecist.js';
import { assessCaseInput, assessText } from '../pipeline.js';
import { searchReferences } from '../references/search.js';
import { renderEvidenceMessage, renderReferenceResults } from '../render/evidence.js';
import { renderHelpMessage } from '../render/help.js';
import { renderMrecistMessage } from '../render/mrecist.js';
import { renderPrivacyNotice } from '../render/privacy.js';
import { renderProblemsMessage } from '../render/problems.js';
import { renderSummaryMessage } from '../render/summaryBlocks.js';
import type { Services } from './services.js';

/** The real pipeline, parser, references and renderers, as the Slack doors use them. */
export const defaultServices: Services = {
  assessText,
  assessCaseInput,
  parseMrecist: (text) => parseMrecist(text),
  mrecist,
  searchReferences: (query, limit) => searchReferences(query, limit),
  render: {
    summary: (outcome, options) => renderSummaryMessage(outcome, options),
    problems: (parse, reason) => renderProblemsMessage(parse, reason),
    privacy: (parse) => renderPrivacyNotice(parse),
    help: (options) => renderHelpMessage(options),
    mrecist: (result, options) => renderMrecistMessage(result, options),
    evidence: (ids, stage) => renderEvidenceMessage(ids, stage),
    references: (_query, found) => renderReferenceResults(found),
  },
};
