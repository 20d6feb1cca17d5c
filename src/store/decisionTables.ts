/**
 * The decision tables, as Kysely sees them (migration 0100). Instants are ISO 8601 UTC text, dates YYYY-MM-DD text;
 * each row's record is JSON text, checked with the case layer's zod schema on the way out.
 */
export interface DecisionTable {
  id: string;
  decision_id: string;
  case_id: string;
  version: number;
  recorded_at: string;
  signed_at: string | null;
  body_json: string;
}

export interface FollowUpTable {
  id: string;
  case_id: string;
  due: string;
  done_at: string | null;
  body_json: string;
}

export interface ReminderTable {
  id: string;
  follow_up_id: string;
  case_id: string;
  remind_at: string;
  sent_at: string | null;
  cancelled_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface TreatmentGivenTable {
  id: string;
  case_id: string;
  given_on: string;
  body_json: string;
}

export interface AgendaItemTable {
  id: string;
  case_id: string;
  meeting: string;
  body_json: string;
}

export interface ChannelSettingsTable {
  team_id: string;
  channel_id: string;
  updated_at: string;
  body_json: string;
}

export interface AgendaPostTable {
  team_id: string;
  channel_id: string;
  meeting: string;
  post_at: string;
  sent_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

// A type alias, not an interface: Kysely's withTables() needs the implicit index signature.
export type DecisionTables = {
  decision: DecisionTable;
  follow_up: FollowUpTable;
  reminder: ReminderTable;
  treatment_given: TreatmentGivenTable;
  agenda_item: AgendaItemTable;
  channel_settings: ChannelSettingsTable;
  agenda_post: AgendaPostTable;
};
