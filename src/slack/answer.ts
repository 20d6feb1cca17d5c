import { findIdentifiers } from '../parse/identifiers.js';
import type { ParseResult, UnitSystem } from '../parse/parseResult.js';
import { enforceBlockKitLimits } from '../render/limits.js';
import type { SlackMessage } from '../render/slackMessage.js';
import type { ParsedRequest, RequestAction } from './grammar.js';
import type { Services, SummaryView } from './services.js';

/**
 * parse → assess → render for one request, independent of the door. The door decides where each part goes
 * (`deliverAnswer`): a `result` may be public (a mention in a thread) or ephemeral with a Share button (slash
 * command, shortcut); `private` parts (help, parse errors, privacy warnings) always go to the one person only.
 */
export type Answer =
  | {
      kind: 'result';
      message: SlackMessage;
      /** Privacy warnings and the like: ephemeral to the author, never in the channel. */
      notices: readonly SlackMessage[];
      outcome: string;
      /** Posted in the channel before the result, whoever the result is for: the card of a case just opened. */
      announce?: SlackMessage;
      /** The thread's case the result was added to. */
      caseId?: string;
    }
  | { kind: 'private'; message: SlackMessage; outcome: string };

/** What `answer()` takes: any request but `form`, which each door routes first (a modal needs its trigger_id). */
export type AnswerableRequest = ParsedRequest & { action: Exclude<RequestAction, 'form'> };

export const isAnswerable = (request: ParsedRequest): request is AnswerableRequest =>
  request.action !== 'form';

export interface AnswerOptions {
  units: UnitSystem | undefined;
  /** Whether a result carries the "Share with channel" button (ephemeral doors only). */
  shareable: boolean;
}

/** The actions that assess a case, with the summary view each shows. */
export const VIEW: Partial<Record<ParsedRequest['action'], SummaryView>> = {
  stage: 'full',
  albi: 'albi',
  childpugh: 'childpugh',
  meld: 'meld',
  bclc: 'bclc',
  transplant: 'transplant',
};

/** A section placed above the help text; plain words, never the user's own text. */
function withNote(note: string, message: SlackMessage): SlackMessage {
  return enforceBlockKitLimits({
    text: `${note} ${message.text}`,
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: note } }, ...message.blocks],
  });
}

const emptyParse = (
  errors: ParseResult['errors'],
  notUnderstood: ParseResult['notUnderstood'],
): ParseResult => ({
  input: {},
  recognised: [],
  notUnderstood,
  assumptions: [],
  errors,
  warnings: [],
});

export function answer(request: AnswerableRequest, services: Services, options: AnswerOptions): Answer {
  const { action, rest } = request;
  const render = services.render;
  switch (action) {
    case 'help':
      return { kind: 'private', message: render.help({ withFormButton: true }), outcome: 'help' };
    case 'unknown':
      return {
        kind: 'private',
        message: withNote(
          request.suggestion
            ? `I didn't recognise that subcommand. Did you mean \`${request.suggestion}\`? Here is what I can do.`
            : "I didn't recognise that subcommand, so here is what I can do.",
          render.help({ withFormButton: true }),
        ),
        outcome: 'unknown-subcommand',
      };
    case 'meetings':
    case 'agenda':
    case 'settings':
      // The channel's meetings, agenda and settings need the channel: the slash command answers them (commands/hcc.ts).
      return {
        kind: 'private',
        message: withNote(
          `\`${action}\` works as a slash command in the MDT channel: \`/hcc ${action}\`.`,
          render.help({ withFormButton: false }),
        ),
        outcome: `${action}-elsewhere`,
      };
    case 'refs': {
      if (rest === '') {
        return {
          kind: 'private',
          message: withNote(
            'Tell me what to look up, e.g. `refs atezolizumab` or `refs TACE`.',
            render.help({ withFormButton: false }),
          ),
          outcome: 'refs-empty',
        };
      }
      // The same identifier screen as a case: what looks like a name, record number or date of birth is left out
      // of the search, and the author is told privately. The results never repeat the query.
      const identifiers = findIdentifiers(rest);
      const query = identifiers.reduceRight((q, r) => q.slice(0, r.start) + q.slice(r.end), rest);
      const found = services.searchReferences(query, 5);
      const privacy = identifiers.length
        ? render.privacy({
            ...emptyParse([], []),
            warnings: [{ code: 'privacy', message: 'identifier left out of the search', spans: [] }],
          })
        : null;
      return {
        kind: 'result',
        message: render.references(query, found),
        notices: privacy ? [privacy] : [],
        outcome: found.results.length > 0 ? 'refs' : 'refs-none',
      };
    }
    case 'mrecist': {
      const parsed = services.parseMrecist(rest);
      if (!parsed.ok) {
        return {
          kind: 'private',
          message: render.problems(emptyParse(parsed.errors, parsed.notUnderstood), 'parse-errors'),
          outcome: 'parse-errors',
        };
      }
      return {
        kind: 'result',
        message: render.mrecist(services.mrecist(parsed.input), { shareable: options.shareable }),
        notices: [],
        outcome: 'mrecist',
      };
    }
    default: {
      const view = VIEW[action] ?? 'full';
      const outcome = services.assessText(rest, { units: options.units });
      const privacy = render.privacy(outcome.parse);
      if (outcome.status !== 'assessed') {
        const problems = render.problems(outcome.parse, outcome.reason);
        // Both are private; the privacy notice first, so the person sees why before what.
        return {
          kind: 'private',
          message: privacy
            ? enforceBlockKitLimits({ text: privacy.text, blocks: [...privacy.blocks, ...problems.blocks] })
            : problems,
          outcome: outcome.reason,
        };
      }
      // The summary only counts the ignored fragments (it may be shared or public); the author sees them named.
      const ignored = render.ignored(outcome.parse);
      return {
        kind: 'result',
        message: render.summary(outcome, { view, shareable: options.shareable }),
        notices: [privacy, ignored].filter((m): m is SlackMessage => m !== null),
        outcome: privacy ? 'assessed-privacy-warning' : 'assessed',
      };
    }
  }
}
