/**
 * What the plan documents (DOCX and PDF) are rendered from: a plain, already-resolved view of one
 * plan. The plans service builds it (`getPlanForExport`); the renderers know nothing else.
 * Section bodies are HTML of the editor's safe subset (p, h3, ul, ol, li, strong, em, a, br).
 */
export type DocumentMeasureArea = 'general' | 'targeted' | 'individual';

export interface PlanDocumentIndicator {
  kind: 'output' | 'effect';
  name: string;
  baseline?: string | null;
  target?: string | null;
}

export interface PlanDocumentActivity {
  measureArea: DocumentMeasureArea | null;
  title: string;
  description?: string | null;
  responsible: string;
  partners?: string | null;
  timeline: string;
  followUp: string;
  indicators?: PlanDocumentIndicator[];
}

export interface PlanDocumentSection {
  title: string;
  html: string;
}

/** One meeting's handling of the plan, with its texts whole (public political records). */
export interface PlanDocumentDecision {
  meetingOn: string;
  paragraph: string;
  caseNumber?: string | null;
  /** The outcome as the reader sees it, e.g. "Antagen". */
  outcome: string;
  proposals: { by: string; text: string; adopted: boolean }[];
  /** Reservations and special statements; `label` says which. */
  reservations: { party: string; text: string; label: string }[];
  /** File names of the protocol extract and other attachments. */
  attachments: string[];
}

export interface PlanDocumentModel {
  /** "Stockholms stad". */
  municipality: string;
  /** "Enskede-Årsta-Vantörs stadsdelsnämnd". */
  boardName: string;
  year: number;
  /** Workflow state key, e.g. "approved". */
  status: string;
  /** The state as the reader sees it, e.g. "Godkänd av kommunstyrelsen". */
  statusLabel: string;
  /** Date of the board's decision, YYYY-MM-DD. */
  decidedOn?: string | null;
  /** Paragraph of the board's decision, e.g. "§ 12". */
  paragraph?: string | null;
  /** The city board's approval, when recorded. */
  approvedOn?: string | null;
  approvedParagraph?: string | null;
  /** Why the plan revises an approved one during the year. */
  revisionReason?: string | null;
  /** The board's handling of the plan, oldest meeting first. */
  decisions?: PlanDocumentDecision[];
  /** Date the document was produced, YYYY-MM-DD. */
  generatedOn: string;
  sections: PlanDocumentSection[];
  activities: PlanDocumentActivity[];
}
