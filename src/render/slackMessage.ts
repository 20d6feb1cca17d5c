import type { KnownBlock } from '@slack/types';

/**
 * A Slack message as every renderer returns it: Block Kit blocks plus the top-level `text` fallback that
 * notifications, screen readers and older clients show. Doors (slash command, mention, shortcut, modal) send it
 * as is; `enforceBlockKitLimits` has already been applied by the renderer that built it.
 */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
