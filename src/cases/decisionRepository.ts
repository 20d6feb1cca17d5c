import type { AgendaItem } from './agenda.js';
import type { AuditEntry } from './audit.js';
import type { Decision } from './decisionSchema.js';
import type { ChannelSettings } from './decisionSettings.js';
import type { FollowUp, Reminder } from './followUp.js';
import type { TreatmentGiven } from './followUpTreatment.js';
import type { CaseScope } from './record.js';

/**
 * What decisions, follow-ups, treatments and the agenda need from storage. Every write commits its rows and its
 * audit entries in one transaction and touches the case's last activity (so a case with open follow-ups is not
 * purged as inactive). Every lookup takes a scope: a case from another channel does not exist.
 */
export interface DecisionRepository {
  /** Adds a decision version. "version-taken": another writer added this version first (amend again). */
  addDecision(
    scope: CaseScope,
    d: Decision,
    audit: readonly AuditEntry[],
  ): Promise<'added' | 'version-taken' | 'not-found'>;
  /** Stores the sign-off of an unsigned version; "already-signed" when another member signed it first. */
  signOff(
    scope: CaseScope,
    signed: Decision,
    audit: readonly AuditEntry[],
  ): Promise<'signed' | 'already-signed' | 'not-found'>;
  /** Every version of every decision of the case, oldest first. */
  decisions(caseId: string, scope: CaseScope): Promise<Decision[]>;

  addFollowUp(
    scope: CaseScope,
    f: FollowUp,
    r: Reminder,
    audit: readonly AuditEntry[],
  ): Promise<'added' | 'not-found'>;
  followUps(caseId: string, scope: CaseScope): Promise<FollowUp[]>;
  followUp(id: string, scope: CaseScope): Promise<{ followUp: FollowUp; reminders: Reminder[] } | null>;
  /** Marks it done and cancels the given reminders; "already-done" when someone else did first. */
  completeFollowUp(
    scope: CaseScope,
    done: FollowUp,
    cancelled: readonly Reminder[],
    audit: readonly AuditEntry[],
  ): Promise<'done' | 'already-done' | 'not-found'>;
  /** Cancels the given reminders and adds the new one. */
  snoozeFollowUp(
    scope: CaseScope,
    next: Reminder,
    cancelled: readonly Reminder[],
    audit: readonly AuditEntry[],
  ): Promise<'snoozed' | 'not-found'>;
  /** Open follow-ups due on or before `date` in the scope. */
  followUpsDueBy(scope: CaseScope, date: string): Promise<FollowUp[]>;

  addTreatment(
    scope: CaseScope,
    t: TreatmentGiven,
    audit: readonly AuditEntry[],
  ): Promise<'added' | 'not-found'>;
  treatments(caseId: string, scope: CaseScope): Promise<TreatmentGiven[]>;

  addAgendaItem(
    scope: CaseScope,
    item: AgendaItem,
    audit: readonly AuditEntry[],
  ): Promise<'added' | 'already-listed' | 'not-found'>;
  /** One meeting's agenda in the scope. */
  agenda(scope: CaseScope, meeting: string): Promise<AgendaItem[]>;
  /** Every agenda item of one case. */
  agendaItems(caseId: string, scope: CaseScope): Promise<AgendaItem[]>;
  /**
   * Plans the post of a meeting's agenda to its channel at `postAt`: a new row in the agenda due-table, or an unsent
   * one moved to the new time. A posted agenda stays posted.
   */
  planAgendaPost(scope: CaseScope, meeting: string, postAt: Date): Promise<void>;

  /** The channels of a workspace that hold cases or decision settings (for a person's worklist). */
  channelsOf(teamId: string): Promise<string[]>;

  settings(scope: CaseScope): Promise<ChannelSettings>;
  saveSettings(scope: CaseScope, settings: ChannelSettings, at: Date): Promise<void>;
}

/** A reminder claimed for posting, with where to post it. */
export interface DueReminder {
  reminder: Reminder;
  followUp: FollowUp;
  scope: CaseScope;
  threadTs: string | null;
}

/**
 * The due-table, shared by replicas. `claimDue` claims due, unsent reminders in one transaction for `leaseMs`;
 * a claimed reminder is not handed to anyone else until the lease runs out, so it is posted once however many
 * replicas poll, and again after a crash or restart if it was never marked sent.
 */
export interface DueReminders {
  claimDue(now: Date, claimer: string, leaseMs: number, limit: number): Promise<DueReminder[]>;
  /**
   * Marks a claimed reminder sent and writes its audit in the same transaction; false when the claim was lost (the
   * lease ran out and another took it), and then nothing is written.
   */
  markSent(
    reminderId: string,
    claimer: string,
    at: Date,
    scope: CaseScope,
    audit: readonly AuditEntry[],
  ): Promise<boolean>;
}

/** A meeting's agenda claimed for posting to its channel. */
export interface DueAgenda {
  scope: CaseScope;
  /** The meeting's local date, YYYY-MM-DD. */
  meeting: string;
  postAt: string;
}

/**
 * The agenda due-table, shared by replicas as the reminders' is: one row per channel and meeting, claimed in a
 * transaction with a lease, so each agenda is posted once however many replicas poll, and after a restart if it
 * was never marked posted.
 */
export interface DueAgendas {
  claimDueAgendas(now: Date, claimer: string, leaseMs: number, limit: number): Promise<DueAgenda[]>;
  /** Marks a claimed agenda posted, with its audit, in one transaction; false when the claim was lost. */
  markAgendaPosted(due: DueAgenda, claimer: string, at: Date, audit: readonly AuditEntry[]): Promise<boolean>;
  /**
   * Drops a claimed row that will not be posted (nothing listed, or the meeting has started), so a case added
   * later plans the post again. False when the claim was lost.
   */
  dropAgendaPost(due: DueAgenda, claimer: string): Promise<boolean>;
}
