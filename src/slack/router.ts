import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { AppLogger } from './log.js';

/**
 * The app's buttons and forms, found by id behind one Bolt listener for block actions and one for view
 * submissions. Bolt runs every registered listener's matching chain on every request, a slash command too, so
 * one `app.action` per button cost each request twenty-odd rounds of async middleware: about a tenth of what the
 * bare Bolt app spends on a whole request (measured with `npm run bench:load` by giving the bare app 25 idle
 * action listeners). Here a Map lookup does the matching. An id nobody handles is acked at once and logged, rather
 * than left for the receiver's 3-second unhandled-request timer.
 */

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What the listener modules register on: the same calls as Bolt's, with the id as a plain string. */
export interface Routes {
  action(actionId: string, handler: (args: ActionArgs) => Promise<void>): void;
  view(callbackId: string, handler: (args: ViewArgs) => Promise<void>): void;
}

export function routeByIds(app: App, log: AppLogger): Routes {
  const actions = new Map<string, (args: ActionArgs) => Promise<void>>();
  const views = new Map<string, (args: ViewArgs) => Promise<void>>();
  const add = <T>(table: Map<string, T>, kind: string, id: string, handler: T) => {
    // Bolt would run both of two listeners for one id; a table keeps one, so a second is a wiring mistake.
    if (table.has(id)) throw new Error(`two ${kind} handlers for "${id}"`);
    table.set(id, handler);
  };

  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const handler = actions.get(args.action.action_id);
    if (handler) return handler(args);
    log.info('unmatched payload acked', { event: 'block_actions', outcome: 'unmatched' });
    await args.ack();
  });
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => {
    const handler = views.get(args.view.callback_id);
    if (handler) return handler(args);
    log.info('unmatched payload acked', { event: 'view_submission', outcome: 'unmatched' });
    await args.ack();
  });

  return {
    action: (id, handler) => add(actions, 'action', id, handler),
    view: (id, handler) => add(views, 'view', id, handler),
  };
}
