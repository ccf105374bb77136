import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import { checkAnswers, linkState } from '../../domain/situation/survey.js';
import { AppError, conflict, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { confirmationSummary, guardFreeText } from './guard.js';
import { iso } from './presenters.js';
import { hashToken } from './surveys-links.service.js';
import { parseQuestions } from './surveys.service.js';
import * as repo from './surveys.repo.js';

/** The public answer page: a recipient opens their link and answers once, anonymously. */

const linkGone = (state: 'answered' | 'expired' | 'closed') =>
  state === 'answered'
    ? conflict('Enkäten är redan besvarad via den här länken. Tack för ditt svar!', 'already_answered')
    : state === 'expired'
      ? conflict('Länken har gått ut. Kontakta den som skickade enkäten om du vill få en ny länk.', 'expired')
      : conflict('Enkäten är stängd och tar inte emot fler svar.', 'closed');

async function openLink(db: Database, token: string) {
  const link = await repo.findByToken(db, hashToken(token));
  if (!link) throw new AppError(404, 'not_found', 'Länken finns inte. Kontrollera att du har fått med hela länken.');
  const state = linkState({ answeredAt: link.answered_at, expiresAt: link.expires_at }, link.status as 'sent');
  if (state !== 'open') throw linkGone(state);
  return link;
}

export async function getPublicSurvey(opts: { db: Database; token: string }) {
  const link = await openLink(opts.db, opts.token);
  return {
    title: link.title,
    intro: link.intro,
    boardName: link.board_name,
    municipalityName: link.municipality_name,
    questions: parseQuestions(link.questions),
    expiresAt: iso(link.expires_at)!,
  };
}

/**
 * Stores one anonymous response and uses up the link, in one transaction. The response keeps the
 * recipient's group and the day, not the recipient.
 */
export async function answerPublicSurvey(opts: {
  db: Database;
  token: string;
  answers: { questionId: string; value: boolean | number | number[] | string | null }[];
  confirmNoPersonalData?: boolean;
}) {
  const link = await openLink(opts.db, opts.token);
  const checked = checkAnswers(parseQuestions(link.questions), opts.answers);
  if (checked.problems.length) throw unprocessable('invalid_answers', 'Några svar behöver rättas.', checked.problems);
  if (checked.personalData.length) {
    throw unprocessable('personal_data', 'Ett svar innehåller personuppgifter. Ta bort dem och skicka igen – ingen får gå att identifiera.', checked.personalData);
  }
  // Possible names in the answers are held back until the respondent confirms.
  const guarded = await guardFreeText(checked.texts, { subject: 'svaret', confirmNoPersonalData: opts.confirmNoPersonalData });
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.claimLink(trx, link.recipient_id))) {
      const now = await repo.findByToken(trx, hashToken(opts.token));
      const state = now ? linkState({ answeredAt: now.answered_at, expiresAt: now.expires_at }, now.status as 'sent') : 'closed';
      throw linkGone(state === 'open' ? 'answered' : state);
    }
    await repo.insertResponse(trx, { survey_id: link.survey_id, recipient_group: link.recipient_group, answers: JSON.stringify(checked.answers), submitted_on: todayInSweden() });
    await recordAudit(trx, { system: 'public-survey', municipalityId: link.municipality_id }, {
      action: 'public_surveys.answer',
      entity: 'survey',
      entityId: link.survey_id,
      boardId: link.board_id,
      summary: { group: link.recipient_group, ...confirmationSummary(guarded) },
    });
  });
  return { received: true as const };
}
