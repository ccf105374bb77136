/**
 * The kinds of notification Värna sends (issue #17), with their Swedish names and the e-mail
 * choice a user has until they make their own. Pure: no I/O.
 */
export const NOTIFICATION_KINDS = [
  'followup_due',
  'followup_board',
  'plan_deadline',
  'plan_review',
  'audit_due',
  'agreement_review',
  'survey_expiring',
  'concern_new',
  'news',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_MODES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const isNotificationKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

interface KindInfo {
  label: string;
  description: string;
  /** E-mail until the user chooses: reminders with a date come at once, overviews as a digest. */
  defaultEmail: EmailMode;
}

export const KIND_INFO: Readonly<Record<NotificationKind, KindInfo>> = {
  followup_due: {
    label: 'Uppföljning att rapportera',
    description: 'När en uppföljningsperiod öppnar, en vecka före sista dagen och dagen efter den, för insatser du rapporterar på.',
    defaultEmail: 'immediate',
  },
  followup_board: {
    label: 'Nämndens uppföljning',
    description: 'Till lokal samordnare: vilka av nämndens insatser som ännu saknar rapport inför sista dagen.',
    // The board's list is an overview: one e-mail a day, beside the reporters' own reminders.
    defaultEmail: 'daily',
  },
  plan_deadline: {
    label: 'Planens sista dag',
    description: 'Två veckor före och efter sista dagen i årets anvisningar, när nämndens plan inte är inlämnad.',
    defaultEmail: 'immediate',
  },
  plan_review: {
    label: 'Planer att granska',
    description: 'Till central samordnare: en plan har lämnats in och väntar på granskning.',
    defaultEmail: 'immediate',
  },
  audit_due: {
    label: 'Revisionsåtgärder och svar',
    description: 'Svar till revisionen och åtgärder vars sista dag närmar sig eller har passerat.',
    defaultEmail: 'immediate',
  },
  agreement_review: {
    label: 'Överenskommelser att revidera',
    description: 'Samverkansöverenskommelser vars revideringsdatum är inom 60 dagar.',
    defaultEmail: 'daily',
  },
  survey_expiring: {
    label: 'Enkäter som går ut',
    description: 'Utskickade enkäter som har varit öppna länge och snart bör stängas.',
    defaultEmail: 'daily',
  },
  concern_new: {
    label: 'Nya orosrapporter',
    description: 'Till lokal samordnare: hur många nya orosrapporter som väntar. Aldrig vad de handlar om.',
    defaultEmail: 'immediate',
  },
  news: {
    label: 'Nyheter',
    description: 'Nyheter från den centrala samordnaren till samordnarna.',
    defaultEmail: 'weekly',
  },
};

export const EMAIL_MODE_LABELS: Readonly<Record<EmailMode, string>> = {
  immediate: 'Direkt',
  daily: 'Daglig sammanfattning',
  weekly: 'Veckosammanfattning',
  off: 'Av',
};

/** A user's e-mail choice for `kind`: their own, else the kind's default. */
export function emailModeOf(kind: NotificationKind, own: ReadonlyMap<string, EmailMode> | undefined): EmailMode {
  return own?.get(kind) ?? KIND_INFO[kind].defaultEmail;
}
