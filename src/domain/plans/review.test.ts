import { describe, expect, it } from 'vitest';
import { parseReviewTarget, reviewTargetAnchor, reviewTargetLabel } from './review.js';

const plan = {
  sections: [{ key: 'lagesbild', title: 'Lokal lägesbild' }],
  activities: [{ id: '0b6f8c1e-1111-4d2a-9e0f-2a3b4c5d6e7f', title: 'Demokrativecka' }],
};

describe('review targets', () => {
  it.each([
    ['section:lagesbild', 'Avsnitt: Lokal lägesbild', 'avsnitt-lagesbild'],
    ['activity:0b6f8c1e-1111-4d2a-9e0f-2a3b4c5d6e7f', 'Insats: Demokrativecka', 'insats-0b6f8c1e-1111-4d2a-9e0f-2a3b4c5d6e7f'],
  ])('%s is shown as "%s" and links to #%s', (target, label, anchor) => {
    expect(reviewTargetLabel(target, plan)).toBe(label);
    expect(reviewTargetAnchor(target)).toBe(anchor);
  });

  it.each(['section:inledning', 'activity:00000000-0000-4000-8000-000000000000'])('%s is not part of the plan', (target) => {
    expect(reviewTargetLabel(target, plan)).toBeNull();
  });

  it.each(['', 'section:', 'unit:x', 'section:a b', 'activity:<script>', `section:${'x'.repeat(65)}`])('"%s" is malformed', (target) => {
    expect(parseReviewTarget(target)).toBeNull();
    expect(reviewTargetAnchor(target)).toBeNull();
    expect(reviewTargetLabel(target, plan)).toBeNull();
  });
});
