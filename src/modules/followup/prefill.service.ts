import type { Database } from '../../db/database.js';
import { isTrainingCoverage, type ActivityIndicator } from '../../domain/followup/indicators.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { AppError } from '../../http/errors.js';
import * as training from '../training/service.js';

/**
 * Figures Värna already has for an activity's indicators, so the unit manager does not type
 * them (issue #12): a training-coverage indicator gets the coverage of the activity's responsible
 * unit (rolled up over the units below it), else of its board, from the training capability's
 * service, with a sentence saying where the figure comes from.
 */
export async function knownFigures(opts: {
  db: Database;
  actor: ServiceActor;
  boardId: string;
  unitId: string | null;
  indicators: readonly ActivityIndicator[];
  today: string;
}): Promise<{ indicatorName: string; value: number; source: string }[]> {
  const wanted = opts.indicators.filter(isTrainingCoverage);
  if (wanted.length === 0) return [];
  let detail: Awaited<ReturnType<typeof training.boardDetail>>;
  try {
    detail = await training.boardDetail({ db: opts.db, actor: opts.actor, boardId: opts.boardId, asOf: opts.today });
  } catch (e) {
    // A reader the training capability refuses (or a board without a course) gets no figure, not an error.
    if (e instanceof AppError && e.status < 500) return [];
    throw e;
  }
  const unit = opts.unitId ? detail.units.find((u) => u.unitId === opts.unitId && u.percent !== null) : undefined;
  const figure = unit ?? (detail.total.percent !== null ? { ...detail.total, name: detail.board.name } : undefined);
  if (!figure || figure.percent === null) return [];
  const percent = figure.percent.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  const source = `Hämtat från Värnas utbildningsuppföljning: ${detail.course.name}, ${figure.name}, ${figure.completed} av ${figure.employees} medarbetare (${percent} %) den ${detail.asOf}.`;
  return wanted.map((i) => ({ indicatorName: i.name, value: figure.percent!, source }));
}
