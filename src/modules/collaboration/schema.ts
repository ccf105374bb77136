import { z } from 'zod';
import { CADENCES, PARTNER_TYPES, TARGET_GROUPS } from '../../domain/collaboration/model.js';
import { isoDate, optionalText, requiredText } from '../../domain/schema-fields.js';
import { ZAttachment } from '../attachments/schema.js';

/** Collaboration (API.md "Collaboration, civil society and grants"): request and response schemas. */

const uuid = (message: string) => z.uuid({ error: message });
const ids = (message: string, max: number, tooMany: string) => z.array(uuid(message), { error: message }).max(max, tooMany);
const confirm = z.boolean({ error: 'Bekräftelsen ska vara sann eller falsk.' }).optional();
const partnerType = z.enum(PARTNER_TYPES, {
  error: `Okänd typ av samverkanspart. Välj en av: ${PARTNER_TYPES.join(', ')}.`,
});

// ---------------------------------------------------------------- partners

export const ZContact = z.strictObject({
  role: requiredText(200, 'Ange kontaktens funktion, t.ex. "Kommunpolis".', 'Funktionen'),
  mailbox: z
    .email({ error: 'Ange funktionsbrevlådans e-postadress, t.ex. kommunpolis.rinkeby@polisen.se.' })
    .max(200, 'E-postadressen får vara högst 200 tecken.'),
});

const partnerFields = {
  name: requiredText(300, 'Ange organisationens namn.', 'Namnet'),
  type: partnerType,
  boardIds: ids('Välj nämnder som finns.', 100, 'Högst 100 nämnder.').optional(),
  contacts: z.array(ZContact, { error: 'Ange kontakterna som en lista.' }).max(20, 'Högst 20 funktionskontakter.').optional(),
  note: optionalText(2000, 'Anteckningen'),
  confirmNoPersonalData: confirm,
};
export const ZCreatePartnerRequest = z.strictObject(partnerFields);
export type TCreatePartnerRequest = z.infer<typeof ZCreatePartnerRequest>;
export const ZUpdatePartnerRequest = z.strictObject({
  name: partnerFields.name.optional(),
  type: partnerType.optional(),
  boardIds: partnerFields.boardIds,
  contacts: partnerFields.contacts,
  note: partnerFields.note,
  archived: z.boolean({ error: 'Ange om organisationen ska arkiveras.' }).optional(),
  confirmNoPersonalData: confirm,
});
export type TUpdatePartnerRequest = z.infer<typeof ZUpdatePartnerRequest>;

export const ZPartnerQuery = z.strictObject({
  type: partnerType.optional(),
  boardId: uuid('Ogiltig nämnd.').optional(),
  q: z.string().trim().max(100, 'Sökningen får vara högst 100 tecken.').optional(),
  archived: z.enum(['true', 'false'], { error: 'archived ska vara true eller false.' }).optional(),
});

export const ZPartner = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  typeLabel: z.string(),
  boards: z.array(z.object({ id: z.string(), name: z.string() })),
  contacts: z.array(z.object({ role: z.string(), mailbox: z.string() })),
  note: z.string().nullable(),
  archived: z.boolean(),
  /** Plan activities, forums and agreements that name the partner (within the reader's boards). */
  usedBy: z.object({ activities: z.number(), forums: z.number(), agreements: z.number() }),
  updatedAt: z.string(),
});
export type TPartner = z.infer<typeof ZPartner>;

// ---------------------------------------------------------------- forums and meetings

const cadence = z.enum(CADENCES, { error: `Ange hur ofta forumet möts: ${CADENCES.join(', ')}.` });
export const ZCreateForumRequest = z.strictObject({
  name: requiredText(300, 'Ange forumets namn.', 'Namnet'),
  boardId: uuid('Välj en nämnd som finns.').nullable().optional(),
  cadence: cadence.nullable().optional(),
  description: optionalText(2000, 'Beskrivningen'),
  partnerIds: ids('Välj organisationer ur registret.', 100, 'Högst 100 medlemsorganisationer.').optional(),
});
export type TCreateForumRequest = z.infer<typeof ZCreateForumRequest>;
export const ZUpdateForumRequest = ZCreateForumRequest.omit({ boardId: true }).partial();
export type TUpdateForumRequest = z.infer<typeof ZUpdateForumRequest>;

export const ZCreateMeetingRequest = z.strictObject({
  heldOn: isoDate('Ange mötesdagen som ÅÅÅÅ-MM-DD.'),
  vbeOnAgenda: z.boolean({ error: 'Ange om våldsbejakande extremism var uppe på dagordningen (true eller false).' }),
  notes: optionalText(4000, 'Anteckningarna'),
  attachmentIds: ids('Ogiltig bilaga.', 10, 'Högst 10 bilagor per möte.').optional(),
  confirmNoPersonalData: confirm,
});
export type TCreateMeetingRequest = z.infer<typeof ZCreateMeetingRequest>;

export const ZForumQuery = z.strictObject({ boardId: uuid('Ogiltig nämnd.').optional() });
export const ZMeetingParams = z.object({ id: uuid('Ogiltigt id.'), meetingId: uuid('Ogiltigt id.') });

export const ZMeeting = z.object({
  id: z.string(),
  forumId: z.string(),
  heldOn: z.string(),
  vbeOnAgenda: z.boolean(),
  notes: z.string().nullable(),
  attachments: z.array(ZAttachment),
  createdAt: z.string(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZForum = z.object({
  id: z.string(),
  name: z.string(),
  boardId: z.string().nullable(),
  boardName: z.string().nullable(),
  cadence: z.enum(CADENCES).nullable(),
  cadenceLabel: z.string().nullable(),
  description: z.string().nullable(),
  partners: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(PARTNER_TYPES) })),
  /** Meetings held in the current year, and of those with violent extremism on the agenda. */
  meetingsThisYear: z.number(),
  vbeMeetingsThisYear: z.number(),
  lastMeetingOn: z.string().nullable(),
  canEdit: z.boolean(),
});
export type TForum = z.infer<typeof ZForum>;
export const ZForumDetail = ZForum.extend({ meetings: z.array(ZMeeting) });
export type TForumDetail = z.infer<typeof ZForumDetail>;

// ---------------------------------------------------------------- agreements

const agreementFields = {
  title: requiredText(300, 'Ange överenskommelsens namn.', 'Namnet'),
  boardId: uuid('Välj en nämnd som finns.').nullable().optional(),
  partnerIds: ids('Välj parter ur registret.', 20, 'Högst 20 parter.').min(1, 'Välj minst en part ur registret, t.ex. lokalpolisområdet.'),
  validFrom: isoDate('Ange giltig från som ÅÅÅÅ-MM-DD.'),
  validTo: isoDate('Ange giltig till som ÅÅÅÅ-MM-DD.').nullable().optional(),
  reviewOn: isoDate('Ange när överenskommelsen ska revideras, som ÅÅÅÅ-MM-DD.'),
  activityIds: ids('Välj insatser ur nämndens planer.', 100, 'Högst 100 insatser.').optional(),
  note: optionalText(2000, 'Anteckningen'),
};
export const ZCreateAgreementRequest = z.strictObject(agreementFields);
export type TCreateAgreementRequest = z.infer<typeof ZCreateAgreementRequest>;
export const ZUpdateAgreementRequest = z.strictObject({
  title: agreementFields.title.optional(),
  partnerIds: agreementFields.partnerIds.optional(),
  validFrom: agreementFields.validFrom.optional(),
  validTo: agreementFields.validTo,
  reviewOn: agreementFields.reviewOn.optional(),
  activityIds: agreementFields.activityIds,
  note: agreementFields.note,
});
export type TUpdateAgreementRequest = z.infer<typeof ZUpdateAgreementRequest>;

export const ZAgreementQuery = z.strictObject({
  boardId: uuid('Ogiltig nämnd.').optional(),
  dueBefore: isoDate('Ange dueBefore som ÅÅÅÅ-MM-DD.').optional(),
});

export const ZAgreement = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(['central', 'local']),
  boardId: z.string().nullable(),
  boardName: z.string().nullable(),
  partners: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(PARTNER_TYPES) })),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reviewOn: z.string(),
  reviewState: z.enum(['overdue', 'due_soon', 'current', 'expired']),
  activities: z.array(z.object({ id: z.string(), title: z.string(), planYear: z.number() })),
  note: z.string().nullable(),
  canEdit: z.boolean(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

// ---------------------------------------------------------------- civil-society strategy

export const ZStrategyGoalInput = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'Ogiltigt id för målet.')
    .optional(),
  text: requiredText(1000, 'Skriv målet.', 'Målet'),
  activityIds: ids('Välj insatser ur nämndens planer.', 50, 'Högst 50 insatser per mål.').optional(),
});
export const ZUpdateStrategyRequest = z.strictObject({
  adoptedOn: isoDate('Ange när strategin antogs, som ÅÅÅÅ-MM-DD.').nullable().optional(),
  summary: optionalText(4000, 'Sammanfattningen'),
  goals: z.array(ZStrategyGoalInput, { error: 'Ange målen som en lista.' }).min(1, 'Ange minst ett mål för samverkan med civilsamhället.').max(30, 'Högst 30 mål.'),
});
export type TUpdateStrategyRequest = z.infer<typeof ZUpdateStrategyRequest>;

export const ZBoardParams = z.object({ boardId: uuid('Ogiltig nämnd.') });

const FOLLOW_UP_STATUS = z.enum(['not_started', 'ongoing', 'done', 'delayed', 'cancelled', 'not_reported']);
export const ZStrategy = z.object({
  boardId: z.string(),
  boardName: z.string(),
  exists: z.boolean(),
  adoptedOn: z.string().nullable(),
  summary: z.string().nullable(),
  goals: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      /** The activities that carry the goal out, with their latest tertial follow-up. */
      activities: z.array(z.object({ id: z.string(), title: z.string(), planYear: z.number(), latestStatus: FOLLOW_UP_STATUS, latestPeriod: z.string().nullable() })),
    }),
  ),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type TStrategy = z.infer<typeof ZStrategy>;

export const ZIdParams = z.object({ id: uuid('Ogiltigt id.') });
