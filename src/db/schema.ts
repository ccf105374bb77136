import type { ColumnType, Generated } from 'kysely';

/** Table types. Keep in step with src/db/migrations (one interface per table). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
  id: Generated<string>;
  name: string;
  suppression_threshold: Generated<number>;
  created_at: Generated<Date>;
}
export interface BoardTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: 'city_board' | 'district_board' | 'specialist_board';
  code: string | null;
  created_at: Generated<Date>;
}
export interface UnitTable {
  id: Generated<string>;
  board_id: string;
  parent_id: string | null;
  name: string;
  kind: 'administration' | 'department' | 'unit';
  code: string | null;
  created_at: Generated<Date>;
}
export interface AppUserTable {
  id: Generated<string>;
  municipality_id: string;
  email: string;
  name: string;
  unit_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  language: Generated<string>;
  created_at: Generated<Date>;
}
export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  board_id: string | null;
}
export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}
export interface UserIdentityTable {
  id: Generated<string>;
  user_id: string;
  issuer: string;
  subject: string;
  created_at: Generated<Date>;
  last_login_at: Timestamp;
}
export interface LoginFailureTable {
  id: Generated<number>;
  key_hash: string;
  failed_at: Timestamp;
}
export interface InstanceSecretTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  municipality_id: string | null;
  board_id: string | null;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: ColumnType<unknown, string, string>;
  prev_hash: string;
  hash: string;
}

// Action plans (migration 0002). JSON columns are written as JSON text and read back parsed.
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
export interface GuidelineDocumentTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  short_title: string | null;
  adopted_on: string | null;
  description: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface GuidelineElementTable {
  id: Generated<string>;
  document_id: string;
  kind: 'measure_area' | 'direction' | 'requirement' | 'guideline' | 'perspective' | 'risk';
  key: string | null;
  label: string;
  position: Generated<number>;
  archived: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface PlanInstructionTable {
  id: Generated<string>;
  municipality_id: string;
  year: number;
  status: Generated<'draft' | 'published'>;
  deadline: string | null;
  guidance: string | null;
  sections: Json<{ key: string; title: string; guidance?: string | null }[]>;
  required_activity_fields: Json<string[]>;
  review_criteria: Json<{ id: string; text: string }[]>;
  required_partner_types: JsonDefault<string[]>;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PlanTable {
  id: Generated<string>;
  board_id: string;
  year: number;
  status: Generated<'draft' | 'board_decided' | 'submitted' | 'in_review' | 'approved' | 'returned' | 'superseded'>;
  decided_on: string | null;
  paragraph: string | null;
  measure_area_gaps: JsonDefault<Partial<Record<'general' | 'targeted' | 'individual', string>>>;
  previous_plan_id: string | null;
  revision_of: string | null;
  revision_reason: string | null;
  approved_on: string | null;
  approved_paragraph: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PlanSectionTable {
  id: Generated<string>;
  plan_id: string;
  key: string;
  title: string;
  body_html: Generated<string>;
  dated_on: string | null;
  position: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}
/** Each plan's live activities per measure area, kept by triggers on plan_activity (migration 0023). */
export interface PlanActivityCountTable {
  plan_id: string;
  measure_area: PlanActivityTable['measure_area'];
  n: number;
}

/** Each board's activities per year, measure area and latest status, kept by triggers on follow_up (migration 0023). */
export interface FollowUpLatestCountTable {
  year: number;
  board_id: string;
  measure_area: PlanActivityTable['measure_area'];
  status: FollowUpTable['status'];
  n: number;
}

export interface PlanActivityTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  title: string;
  description: string | null;
  measure_area: 'general' | 'targeted' | 'individual' | null;
  perspective: string | null;
  guideline_element_ids: JsonDefault<string[]>;
  responsible: string;
  responsible_unit_id: string | null;
  partners: string | null;
  timeline: string;
  start_date: string | null;
  end_date: string | null;
  follow_up: string;
  indicators: JsonDefault<{ kind: 'output' | 'effect'; name: string; baseline?: string | null; target?: string | null }[]>;
  carried_over_from_activity_id: string | null;
  revised_from_activity_id: string | null;
  previous_year_final_status: 'not_started' | 'ongoing' | 'done' | 'delayed' | 'cancelled' | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
  deleted_by: string | null;
  /** Partners from the register (migration 0018). */
  partner_ids: JsonDefault<string[]>;
  target_groups: JsonDefault<string[]>;
}
export interface PlanDecisionTable {
  id: Generated<string>;
  plan_id: string;
  meeting_on: string;
  paragraph: string;
  case_number: string | null;
  outcome: 'adopted' | 'sent_back' | 'postponed';
  proposals: JsonDefault<{ by: string; text: string; result: 'adopted' | 'rejected' }[]>;
  reservations: JsonDefault<{ party: string; text: string; kind?: 'reservation' | 'statement' }[]>;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Generated<Date>;
}
export interface PlanVersionTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  status: string;
  snapshot: Json<unknown>;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface PlanTransitionTable {
  id: Generated<string>;
  plan_id: string;
  from_status: string;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  comment: string | null;
  decided_on: string | null;
  paragraph: string | null;
  version_number: number | null;
  at: Generated<Date>;
}
export interface PlanReviewTable {
  id: Generated<string>;
  plan_id: string;
  /** `target`/`targetLabel`: the section or activity a comment is about (issue 12; kept in the JSON, no column). */
  items: Json<{ criterionId: string; text: string; result: 'pass' | 'partly' | 'fail' | null; comment: string | null; target?: string | null; targetLabel?: string | null }[]>;
  comment: string | null;
  reviewer_id: string | null;
  reviewer_name: string;
  transition_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

// Training coverage (migration 0004).
export interface SettingTable {
  municipality_id: string;
  key: string;
  value: string;
  created_at: Generated<Date>;
}
export interface TrainingCourseTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: 'web_basic' | 'advanced' | 'lecture';
  created_at: Generated<Date>;
}
export interface TrainingTargetTable {
  course_id: string;
  year: number;
  target_percent: number;
}
export interface TrainingPriorityGroupTable {
  id: Generated<string>;
  municipality_id: string;
  year: number;
  name: string;
  created_at: Generated<Date>;
}
export interface TrainingPriorityGroupMemberTable {
  group_id: string;
  board_id: string | null;
  unit_id: string | null;
}
export interface TrainingImportTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'headcounts' | 'participants';
  course_id: string | null;
  actor_id: string | null;
  row_count: number;
  added: number;
  merged: Generated<number>;
  created_at: Generated<Date>;
}
export interface TrainingHeadcountTable {
  id: Generated<string>;
  board_id: string;
  unit_id: string | null;
  employees: number;
  as_of: string;
  import_id: string | null;
  created_at: Generated<Date>;
}
export interface TrainingCompletionTable {
  course_id: string;
  board_id: string;
  unit_id: string | null;
  employee_key: string;
  completed_on: string;
  /** `started`: the list said påbörjad/pågående (migration 2026_12_02_0010); the date is when that was reported. */
  status: Generated<'completed' | 'started'>;
  import_id: string | null;
  created_at: Generated<Date>;
}
/** People per course, board, unit, status and quarter (its first day), kept by triggers on training_completion (migration 0012). */
export interface TrainingCompletionCountTable {
  course_id: string;
  board_id: string;
  unit_id: string | null;
  status: 'completed' | 'started';
  quarter: string;
  n: number;
}

/** The same counts per board, without the unit (migration 0022): the trend and the board figures. */
export interface TrainingCompletionBoardCountTable {
  course_id: string;
  board_id: string;
  status: 'completed' | 'started';
  quarter: string;
  n: number;
}

// Situation picture (migration 0003).
export interface ConcernReportTable {
  id: Generated<string>;
  board_id: string;
  occurred_on: string;
  type: string;
  environment: string;
  area: string | null;
  reporting_unit_id: string | null;
  description: string;
  action_taken: string | null;
  forwarded_to_social_services: Generated<boolean>;
  forwarded_to_police: Generated<boolean>;
  relevance: string | null;
  status: Generated<string>;
  filed_by: string | null;
  classified_by: string | null;
  classified_at: Timestamp | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_at: Generated<Date>;
}
export interface ConcernReportReadTable {
  concern_id: string;
  user_id: string;
  first_read_at: Generated<Date>;
}
export interface ConcernNoteTable {
  id: Generated<string>;
  concern_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}
export interface SituationNoteTable {
  id: Generated<string>;
  board_id: string;
  noted_on: string;
  source: string;
  body: string;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface SurveyTable {
  id: Generated<string>;
  board_id: string;
  year: number;
  title: string;
  intro: string | null;
  questions: ColumnType<unknown, string, string>;
  status: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  closed_at: Timestamp | null;
}
export interface SurveyRecipientTable {
  id: Generated<string>;
  survey_id: string;
  label: string;
  recipient_group: string;
  unit_id: string | null;
  token_hash: string;
  expires_at: Timestamp;
  answered_at: Timestamp | null;
  created_at: Generated<Date>;
}
export interface SurveyResponseTable {
  id: Generated<string>;
  survey_id: string;
  recipient_group: string;
  answers: ColumnType<unknown, string, string>;
  submitted_on: string;
}
export interface SituationPictureTable {
  id: Generated<string>;
  board_id: string;
  year: number;
  body: string;
  status: Generated<string>;
  compiled_on: string;
  published_at: Timestamp | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

// ---------------------------------------------------------------- follow-up and reports (0005)
export interface FollowupPeriodTable {
  id: Generated<string>;
  municipality_id: string;
  year: number;
  kind: 'T1' | 'T2' | 'VB';
  opens_on: string;
  closes_on: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  updated_at: Generated<Date>;
  /** The period's own deadline (0015); null: the municipality's default day for its kind. */
  deadline: string | null;
}
/** The central coordinator's default deadline day ("MM-DD") per period kind (0015). */
export interface FollowupDeadlineDefaultTable {
  municipality_id: string;
  kind: 'T1' | 'T2' | 'VB';
  month_day: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}
export interface FollowUpTable {
  id: Generated<string>;
  activity_id: string;
  board_id: string;
  year: number;
  period: 'T1' | 'T2' | 'VB';
  period_rank: number;
  status: 'not_started' | 'ongoing' | 'done' | 'delayed' | 'cancelled';
  comment: string | null;
  indicator_values: ColumnType<{ name: string; value: number | string }[], string | undefined, string>;
  reported_by: string | null;
  reported_by_name: string;
  reported_at: Timestamp;
  /** Maintained by triggers (migration 0005). */
  measure_area: Generated<'general' | 'targeted' | 'individual' | null>;
  counted: Generated<boolean>;
  is_latest: Generated<boolean>;
}
export interface FollowUpReporterTable {
  activity_id: string;
  user_id: string;
  created_at: Generated<Date>;
}
export interface BoardAnalysisTable {
  id: Generated<string>;
  board_id: string;
  year: number;
  period: 'T1' | 'T2' | 'VB';
  sections: ColumnType<Record<string, string>, string, string>;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: Timestamp;
  reported_at: Timestamp | null;
  reported_by_name: string | null;
}
/** The central coordinator's summary of the city report, per municipality and year (migration 0013). */
export interface ReportSummaryTable {
  municipality_id: string;
  year: number;
  text: string;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: Generated<Timestamp>;
}
export interface ContextIndicatorTable {
  id: Generated<string>;
  municipality_id: string;
  kpi_id: string;
  title: string | null;
  area: string;
  year: number;
  value: number;
  imported_at: Timestamp;
  imported_by: string | null;
}
export interface ContextIndicatorLinkTable {
  id: Generated<string>;
  activity_id: string;
  indicator_name: string;
  kpi_id: string;
}

// Attachments and audit tracking (migration 2026_12_02_0010).
export interface AttachmentTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage: Generated<string>;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}
export interface AttachmentContentTable {
  attachment_id: string;
  bytes: Uint8Array;
}
export interface AttachmentRefTable {
  attachment_id: string;
  owner_kind: string;
  owner_id: string;
  created_at: Generated<Date>;
}
export interface AuditReportTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  number: string | null;
  case_number: string | null;
  issued_on: string;
  reply_due: string;
  scope: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AuditRecommendationTable {
  id: Generated<string>;
  report_id: string;
  position: number;
  text: string;
  created_at: Generated<Date>;
}
export interface AuditRecommendationBoardTable {
  recommendation_id: string;
  board_id: string;
}
export interface AuditReplyTable {
  id: Generated<string>;
  recommendation_id: string;
  board_id: string;
  text: string;
  decided_on: string | null;
  paragraph: string | null;
  case_number: string | null;
  updated_by: string | null;
  updated_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AuditMeasureTable {
  id: Generated<string>;
  recommendation_id: string;
  board_id: string;
  position: number;
  title: string;
  responsible: string | null;
  due_on: string;
  activity_id: string | null;
  waiting_for: string | null;
  waiting_for_measure_id: string | null;
  status: Generated<'planned' | 'ongoing' | 'done' | 'cancelled'>;
  status_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AuditMeasureUpdateTable {
  id: Generated<string>;
  measure_id: string;
  status: 'planned' | 'ongoing' | 'done' | 'cancelled';
  comment: string | null;
  period: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}
export interface AuditAssessmentTable {
  id: Generated<string>;
  recommendation_id: string;
  board_id: string;
  result: 'addressed' | 'partly' | 'not_addressed';
  comment: string | null;
  assessed_on: string;
  assessor_id: string | null;
  assessor_name: string;
  created_at: Generated<Date>;
}

// Grant and premises vetting (migration 0017).
export interface GrantCriterionTable {
  municipality_id: string;
  key: string;
  label: string;
  description: Generated<string>;
  active: Generated<boolean>;
  required: Generated<boolean>;
  position: number;
  updated_at: Generated<Date>;
}
export interface GrantApplicationTable {
  id: Generated<string>;
  board_id: string;
  organisation: string;
  /** The partner register's id, by value (no foreign key). */
  partner_id: string | null;
  kind: 'grant' | 'premises';
  amount: number | null;
  purpose: string;
  received_on: string;
  status: Generated<'received' | 'approved' | 'rejected'>;
  decided_on: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  paid_on: string | null;
  paid_amount: number | null;
  follow_up_on: string | null;
  follow_up_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface GrantVettingTable {
  application_id: string;
  criterion_key: string;
  label: string;
  result: 'pass' | 'fail' | 'unclear' | 'not_assessed';
  comment: string | null;
  position: number;
}

// Collaboration with the police and civil society (migration 0018).
export interface PartnerTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  type: string;
  contacts: JsonDefault<{ role: string; mailbox: string }[]>;
  note: string | null;
  archived_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PartnerBoardTable {
  partner_id: string;
  board_id: string;
}
export interface ForumTable {
  id: Generated<string>;
  municipality_id: string;
  board_id: string | null;
  name: string;
  cadence: string | null;
  description: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ForumPartnerTable {
  forum_id: string;
  partner_id: string;
}
export interface ForumMeetingTable {
  id: Generated<string>;
  forum_id: string;
  held_on: string;
  vbe_on_agenda: boolean;
  notes: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface AgreementTable {
  id: Generated<string>;
  municipality_id: string;
  board_id: string | null;
  title: string;
  valid_from: string;
  valid_to: string | null;
  review_on: string;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AgreementPartnerTable {
  agreement_id: string;
  partner_id: string;
}
export interface AgreementActivityTable {
  agreement_id: string;
  activity_id: string;
}
export interface CivilSocietyStrategyTable {
  board_id: string;
  adopted_on: string | null;
  summary: string | null;
  goals: JsonDefault<{ id: string; text: string; activityIds: string[] }[]>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

// Public information, the helpline log and the knowledge hub (migration 0019).
export interface BoardPublicInfoTable {
  board_id: string;
  text: string;
  contacts: JsonDefault<{ label: string; email?: string; phone?: string }[]>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}
export interface HelplineContactTable {
  id: Generated<string>;
  municipality_id: string;
  board_id: string | null;
  contacted_on: string;
  caller_type: string;
  topic: string;
  environment: string;
  referred_to: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface LibraryItemTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  category: string;
  audience: string;
  description: string | null;
  document_text: Generated<string>;
  /** Generated by the database from title, description and document_text (Swedish). */
  search: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface LibraryVersionTable {
  id: Generated<string>;
  item_id: string;
  number: number;
  attachment_id: string;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface NewsItemTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  body: string;
  published_on: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Requests per client key and window, shared by the processes on one PostgreSQL server (migration 0020). */
export interface RateLimitWindowTable {
  key: string;
  hits: number;
  ends_at: Date;
}

// Notifications and reminders (migration 0021).
export interface NotificationTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  kind: string;
  dedupe_key: string;
  board_id: string | null;
  title: string;
  body: string;
  link: string;
  created_at: Generated<Date>;
  read_at: Timestamp | null;
  outbox_id: string | null;
}
export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  email: 'immediate' | 'daily' | 'weekly' | 'off';
  updated_at: Generated<Date>;
}
export interface EmailOutboxTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  kind: string;
  idempotency_key: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'uncertain'>;
  attempts: Generated<number>;
  last_error: string | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface DB {
  board_public_info: BoardPublicInfoTable;
  helpline_contact: HelplineContactTable;
  library_item: LibraryItemTable;
  library_version: LibraryVersionTable;
  news_item: NewsItemTable;
  partner: PartnerTable;
  partner_board: PartnerBoardTable;
  forum: ForumTable;
  forum_partner: ForumPartnerTable;
  forum_meeting: ForumMeetingTable;
  agreement: AgreementTable;
  agreement_partner: AgreementPartnerTable;
  agreement_activity: AgreementActivityTable;
  civil_society_strategy: CivilSocietyStrategyTable;
  grant_criterion: GrantCriterionTable;
  grant_application: GrantApplicationTable;
  grant_vetting: GrantVettingTable;
  attachment: AttachmentTable;
  attachment_content: AttachmentContentTable;
  attachment_ref: AttachmentRefTable;
  audit_report: AuditReportTable;
  audit_recommendation: AuditRecommendationTable;
  audit_recommendation_board: AuditRecommendationBoardTable;
  audit_reply: AuditReplyTable;
  audit_measure: AuditMeasureTable;
  audit_measure_update: AuditMeasureUpdateTable;
  audit_assessment: AuditAssessmentTable;
  followup_period: FollowupPeriodTable;
  followup_deadline_default: FollowupDeadlineDefaultTable;
  follow_up: FollowUpTable;
  follow_up_reporter: FollowUpReporterTable;
  board_analysis: BoardAnalysisTable;
  report_summary: ReportSummaryTable;
  context_indicator: ContextIndicatorTable;
  context_indicator_link: ContextIndicatorLinkTable;
  municipality: MunicipalityTable;
  board: BoardTable;
  unit: UnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  instance_secret: InstanceSecretTable;
  user_identity: UserIdentityTable;
  audit_log: AuditLogTable;
  concern_report: ConcernReportTable;
  concern_report_read: ConcernReportReadTable;
  concern_note: ConcernNoteTable;
  situation_note: SituationNoteTable;
  survey: SurveyTable;
  survey_recipient: SurveyRecipientTable;
  survey_response: SurveyResponseTable;
  situation_picture: SituationPictureTable;
  setting: SettingTable;
  training_course: TrainingCourseTable;
  training_target: TrainingTargetTable;
  training_priority_group: TrainingPriorityGroupTable;
  training_priority_group_member: TrainingPriorityGroupMemberTable;
  training_import: TrainingImportTable;
  training_headcount: TrainingHeadcountTable;
  training_completion: TrainingCompletionTable;
  training_completion_count: TrainingCompletionCountTable;
  training_completion_board_count: TrainingCompletionBoardCountTable;
  guideline_document: GuidelineDocumentTable;
  guideline_element: GuidelineElementTable;
  plan_instruction: PlanInstructionTable;
  plan: PlanTable;
  plan_section: PlanSectionTable;
  plan_activity: PlanActivityTable;
  plan_activity_count: PlanActivityCountTable;
  follow_up_latest_count: FollowUpLatestCountTable;
  plan_version: PlanVersionTable;
  plan_decision: PlanDecisionTable;
  plan_transition: PlanTransitionTable;
  plan_review: PlanReviewTable;
  rate_limit_window: RateLimitWindowTable;
  notification: NotificationTable;
  notification_preference: NotificationPreferenceTable;
  email_outbox: EmailOutboxTable;
}
