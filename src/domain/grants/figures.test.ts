import { describe, expect, it } from 'vitest';
import { hasGrantActivity } from './figures.js';

describe('[GRANTS] a board with grant activity in the year', () => {
  it('is one with an application, or a decision on an earlier one', () => {
    expect(hasGrantActivity({ applications: 1, approved: 0, rejected: 0 })).toBe(true);
    // Decided this year on last year's application: no new application, still activity.
    expect(hasGrantActivity({ applications: 0, approved: 1, rejected: 0 })).toBe(true);
    expect(hasGrantActivity({ applications: 0, approved: 0, rejected: 2 })).toBe(true);
  });

  it('is not one with nothing, or whose figures the reader may not see', () => {
    expect(hasGrantActivity({ applications: 0, approved: 0, rejected: 0 })).toBe(false);
    expect(hasGrantActivity(null)).toBe(false);
  });
});
