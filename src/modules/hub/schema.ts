import { z } from 'zod';
import { CALLER_TYPES, ENVIRONMENTS, HELPLINE_TOPICS } from '../../domain/hub/helpline.js';
import { LIBRARY_AUDIENCES, LIBRARY_CATEGORIES } from '../../domain/hub/library.js';
import { isPhoneNumber } from '../../domain/hub/public-info.js';
import { isoDate, optionalText, requiredText } from '../../domain/schema-fields.js';
import { ZAttachment } from '../attachments/schema.js';

/** Public information, helpline, library, directory and news (API.md "Public information, helpline and knowledge hub"). */

const uuid = (message: string) => z.uuid({ error: message });
const confirm = z.boolean({ error: 'Bekräftelsen ska vara sann eller falsk.' }).optional();
const cell = z.union([z.number(), z.string()]);

export const ZIdParams = z.object({ id: uuid('Ogiltigt id.') });
export const ZBoardIdParams = z.object({ boardId: uuid('Ogiltig nämnd.') });
export const ZMunicipalityParams = z.object({ municipalityId: uuid('Ogiltig kommun.') });

// ---------------------------------------------------------------- public information

export const ZPublicContact = z.strictObject({
  label: requiredText(200, 'Ange vad kontakten är, t.ex. "Samordnare mot våldsbejakande extremism".', 'Benämningen'),
  email: z.email({ error: 'Ange en giltig e-postadress till en funktionsbrevlåda, t.ex. vbe@stad.se.' }).max(200, 'E-postadressen får vara högst 200 tecken.').optional(),
  phone: z
    .string({ error: 'Telefonnumret ska vara text.' })
    .trim()
    .refine(isPhoneNumber, 'Ange telefonnumret med siffror, t.ex. 08-508 000 00.')
    .optional(),
});
export const ZPublicInfoRequest = z.strictObject({
  text: requiredText(5000, 'Skriv vart invånare kan vända sig.', 'Texten'),
  contacts: z.array(ZPublicContact, { error: 'Ange kontakterna som en lista.' }).max(10, 'Högst 10 kontakter.'),
  confirmNoPersonalData: confirm,
});
export type TPublicInfoRequest = z.infer<typeof ZPublicInfoRequest>;

const contactOut = z.object({ label: z.string(), email: z.string().optional(), phone: z.string().optional() });
export const ZPublicBoard = z.object({
  id: z.string(),
  name: z.string(),
  municipality: z.string(),
  text: z.string().nullable(),
  contacts: z.array(contactOut),
  /** 112 and the police's 114 14: always shown, never stored. */
  alwaysShown: z.array(z.object({ label: z.string(), phone: z.string() })),
  plans: z.array(z.object({ id: z.string(), year: z.number(), url: z.string() })),
  updatedAt: z.string().nullable(),
});
export type TPublicBoard = z.infer<typeof ZPublicBoard>;
export const ZApprovedPlansBoard = z.object({ boardId: z.string(), boardName: z.string(), plans: z.array(z.object({ id: z.string(), year: z.number(), url: z.string() })) });
export type TApprovedPlansBoard = z.infer<typeof ZApprovedPlansBoard>;
export const ZPublicBoardListItem = z.object({ id: z.string(), name: z.string(), hasInfo: z.boolean() });
export const ZPublicMunicipality = z.object({ municipality: z.string(), boards: z.array(ZPublicBoardListItem) });

// ---------------------------------------------------------------- helpline

export const ZHelplineRequest = z.strictObject({
  boardId: uuid('Välj en nämnd som finns.').nullable().optional(),
  contactedOn: isoDate('Ange datum som ÅÅÅÅ-MM-DD.'),
  callerType: z.enum(CALLER_TYPES, { error: `Ange vem som hörde av sig: ${CALLER_TYPES.join(', ')}.` }),
  topic: z.enum(HELPLINE_TOPICS, { error: `Ange ämne: ${HELPLINE_TOPICS.join(', ')}.` }),
  environment: z.enum(ENVIRONMENTS, { error: `Ange miljö: ${ENVIRONMENTS.join(', ')}.` }),
  referredTo: optionalText(300, 'Hänvisningen'),
  note: optionalText(1000, 'Anteckningen'),
  confirmNoPersonalData: confirm,
});
export type THelplineRequest = z.infer<typeof ZHelplineRequest>;

const year = z.coerce.number({ error: 'Ange år.' }).int('Ange år.').min(2000, 'Ange ett år från 2000.').max(2100, 'Ange ett år före 2100.');
export const ZHelplineQuery = z.strictObject({ boardId: uuid('Ogiltig nämnd.').optional(), year: year.optional() });
export const ZSummaryQuery = z.strictObject({ year: year.optional() });

export const ZHelplineContact = z.object({
  id: z.string(),
  boardId: z.string().nullable(),
  boardName: z.string().nullable(),
  contactedOn: z.string(),
  callerType: z.enum(CALLER_TYPES),
  topic: z.enum(HELPLINE_TOPICS),
  environment: z.enum(ENVIRONMENTS),
  referredTo: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type THelplineContact = z.infer<typeof ZHelplineContact>;

const summaryRow = z.object({
  boardId: z.string().nullable(),
  boardName: z.string(),
  suppressed: z.boolean(),
  total: cell,
  byMonth: z.array(cell),
  byCallerType: z.record(z.string(), cell),
  byEnvironment: z.record(z.string(), cell),
});
export const ZHelplineSummary = z.object({
  year: z.number(),
  threshold: z.number(),
  legend: z.string(),
  boards: z.array(summaryRow),
  totals: summaryRow,
});
export type THelplineSummary = z.infer<typeof ZHelplineSummary>;

// ---------------------------------------------------------------- library

export const ZLibraryFields = z.strictObject({
  title: requiredText(300, 'Ange dokumentets titel.', 'Titeln'),
  category: z.enum(LIBRARY_CATEGORIES, { error: `Ange kategori: ${LIBRARY_CATEGORIES.join(', ')}.` }),
  audience: z.enum(LIBRARY_AUDIENCES, { error: 'Ange målgrupp: staff (all personal) eller coordinators (samordnare).' }),
  description: optionalText(2000, 'Beskrivningen'),
});
export type TLibraryFields = z.infer<typeof ZLibraryFields>;
export const ZVersionFields = z.strictObject({ note: optionalText(500, 'Versionsanteckningen') });

export const ZLibraryQuery = z.strictObject({
  q: z.string().trim().max(200, 'Sökningen får vara högst 200 tecken.').optional(),
  category: z.enum(LIBRARY_CATEGORIES, { error: 'Okänd kategori.' }).optional(),
});

export const ZLibraryVersion = z.object({ id: z.string(), number: z.number(), note: z.string().nullable(), file: ZAttachment, createdAt: z.string() });
export const ZLibraryItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(LIBRARY_CATEGORIES),
  categoryLabel: z.string(),
  audience: z.enum(LIBRARY_AUDIENCES),
  description: z.string().nullable(),
  latest: ZLibraryVersion,
  updatedAt: z.string(),
});
export type TLibraryItem = z.infer<typeof ZLibraryItem>;
export const ZLibraryDetail = ZLibraryItem.extend({ versions: z.array(ZLibraryVersion) });
export type TLibraryDetail = z.infer<typeof ZLibraryDetail>;

// ---------------------------------------------------------------- directory and news

export const ZDirectoryBoard = z.object({
  /** null: the central coordination of the whole city. */
  id: z.string().nullable(),
  name: z.string(),
  coordinators: z.array(z.object({ name: z.string(), email: z.string(), role: z.enum(['local_coordinator', 'central_coordinator']) })),
});

export const ZNewsRequest = z.strictObject({
  title: requiredText(300, 'Ange rubrik.', 'Rubriken'),
  body: requiredText(10000, 'Skriv nyheten.', 'Texten'),
  publishedOn: isoDate('Ange datum som ÅÅÅÅ-MM-DD.').optional(),
});
export type TNewsRequest = z.infer<typeof ZNewsRequest>;
export const ZNews = z.object({ id: z.string(), title: z.string(), body: z.string(), publishedOn: z.string(), createdAt: z.string() });
export type TNews = z.infer<typeof ZNews>;
