import { isSlackUserId } from '../text/slackIds.js';

/**
 * The identifier screen as the case layer sees it: a function from text to short descriptions of what looked
 * like a patient identifier ("a name after 'Mr'"), never the text itself. The doors pass the parser's screen in
 * (the case layer does not call the parser at run time), so every free-text field is checked before anything is
 * stored.
 */
export type IdentifierScreen = (text: string) => readonly string[];

export interface Problem {
  /** The field the problem is about, in the form's words: "rationale", "dissent.0.reason". */
  path: string;
  message: string;
}

/**
 * One problem per free-text field that looks like it holds an identifier, naming the field and the kind of
 * identifier, never quoting it.
 */
export function screenFreeText(
  fields: ReadonlyArray<readonly [path: string, text: string | null | undefined]>,
  screen: IdentifierScreen,
): Problem[] {
  const problems: Problem[] = [];
  for (const [path, text] of fields) {
    if (!text || isSlackUserId(text)) continue;
    const seen = screen(text);
    if (seen.length === 0) continue;
    problems.push({
      path,
      message: `looks like it holds a patient identifier (${[...new Set(seen)].join('; ')}). The record keeps no identifiers: use the case ID and say it without names, record numbers or dates of birth.`,
    });
  }
  return problems;
}
