import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../domain/schema-fields.js';
import { APPLICATION_STATUSES, CRITERION_RESULTS, DECISIONS, GRANT_KINDS } from '../../domain/grants/vetting.js';

/** Grant and premises vetting (API.md "Collaboration, civil society and grants"); request and response schemas. */

const uuid = (message: string) => z.uuid({ error: message });
const kronor = (label: string) =>
  z
    .number({ error: `${label} ska vara ett belopp i hela kronor.` })
    .int(`${label} ska vara ett belopp i hela kronor.`)
    .min(0, `${label} kan inte vara negativt.`)
    .max(1_000_000_000, `${label} är orimligt stort.`);
const confirm = z.boolean({ error: 'Bekräftelsen ska vara sann eller falsk.' }).optional();

// ---------------------------------------------------------------- requests

export const ZCriterionInput = z.strictObject({
  key: z
    .string({ error: 'Ange kriteriets nyckel.' })
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Nyckeln skrivs med små bokstäver a–z, siffror och understreck (2–40 tecken).'),
  label: requiredText(200, 'Ange kriteriets namn.', 'Namnet'),
  description: optionalText(2000, 'Beskrivningen'),
  active: z.boolean({ error: 'Ange om kriteriet används.' }).optional(),
  required: z.boolean({ error: 'Ange om kriteriet måste vara uppfyllt.' }).optional(),
});
export const ZUpdateCriteriaRequest = z.strictObject({
  criteria: z.array(ZCriterionInput, { error: 'Ange kommunens kriterier.' }).min(1, 'Ange minst ett kriterium.').max(30, 'Högst 30 kriterier.'),
});
export type TUpdateCriteriaRequest = z.infer<typeof ZUpdateCriteriaRequest>;

export const ZCreateApplicationRequest = z.strictObject({
  boardId: uuid('Välj nämnden som ansökan gäller.'),
  organisation: requiredText(300, 'Ange organisationens namn.', 'Organisationens namn'),
  partnerId: uuid('Ogiltig samverkanspart.').nullable().optional(),
  kind: z.enum(GRANT_KINDS, { error: 'Ange om ansökan gäller bidrag (grant) eller lokal (premises).' }),
  amount: kronor('Beloppet').nullable().optional(),
  purpose: requiredText(4000, 'Beskriv vad bidraget eller lokalen ska användas till.', 'Syftet'),
  confirmNoPersonalData: confirm,
});
export type TCreateApplicationRequest = z.infer<typeof ZCreateApplicationRequest>;

export const ZVettingRequest = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        key: z.string({ error: 'Ange kriteriets nyckel.' }).min(1, 'Ange kriteriets nyckel.').max(40, 'Okänt kriterium.'),
        result: z.enum(CRITERION_RESULTS, { error: 'Bedömningen ska vara pass (uppfyllt), fail (ej uppfyllt) eller unclear (oklart).' }),
        comment: optionalText(2000, 'Kommentaren'),
      }),
      { error: 'Ange bedömningen per kriterium.' },
    )
    .max(30, 'Högst 30 kriterier.'),
  decision: z.enum(DECISIONS, { error: 'Beslutet ska vara approved (beviljas) eller rejected (avslås).' }),
  decidedOn: isoDate('Ange beslutsdagen som ÅÅÅÅ-MM-DD.'),
  confirmNoPersonalData: confirm,
});
export type TVettingRequest = z.infer<typeof ZVettingRequest>;

export const ZPayoutRequest = z.strictObject({
  paidOn: isoDate('Ange utbetalningsdagen som ÅÅÅÅ-MM-DD.'),
  paidAmount: kronor('Det utbetalda beloppet'),
});
export type TPayoutRequest = z.infer<typeof ZPayoutRequest>;

export const ZFollowUpRequest = z.strictObject({
  followUpOn: isoDate('Ange uppföljningsdagen som ÅÅÅÅ-MM-DD.'),
  followUpNote: requiredText(4000, 'Beskriv vad uppföljningen visade.', 'Uppföljningen'),
  confirmNoPersonalData: confirm,
});
export type TFollowUpRequest = z.infer<typeof ZFollowUpRequest>;

export const ZIdParams = z.object({ id: uuid('Ogiltigt id.') });
export const ZListQuery = z.strictObject({
  boardId: uuid('Ogiltig nämnd.').optional(),
  status: z.enum(APPLICATION_STATUSES, { error: 'Status ska vara received, approved eller rejected.' }).optional(),
});

// ---------------------------------------------------------------- responses

export const ZGrantCriterion = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  active: z.boolean(),
  required: z.boolean(),
  position: z.number(),
});
export type TGrantCriterion = z.infer<typeof ZGrantCriterion>;

export const ZGrantApplication = z.object({
  id: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  organisation: z.string(),
  partnerId: z.string().nullable(),
  kind: z.enum(GRANT_KINDS),
  amount: z.number().nullable(),
  purpose: z.string(),
  receivedOn: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** Per criterion: the result at the decision (`not_assessed`: an active criterion left out); empty before vetting. */
  vetting: z.array(z.object({ key: z.string(), label: z.string(), result: z.enum([...CRITERION_RESULTS, 'not_assessed']), comment: z.string().nullable() })),
  payout: z.object({ paidOn: z.string(), paidAmount: z.number() }).nullable(),
  followUp: z.object({ followUpOn: z.string(), followUpNote: z.string() }).nullable(),
  /** The year the follow-up is due (the year after an approval), null when none is due. */
  followUpYear: z.number().nullable(),
  createdAt: z.string(),
});
export type TGrantApplication = z.infer<typeof ZGrantApplication>;
