/**
 * A Slack user ID as Slack sends it: "U" (or "W" on Enterprise Grid) and upper-case letters and digits. Slack
 * documents neither their length nor their alphabet beyond that, so no minimum is assumed beyond one character:
 * refusing an ID Slack did send would lose what that person stated. Opaque, never a name.
 */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{1,30}$/;

export const isSlackUserId = (s: string): boolean => SLACK_USER_ID.test(s);
