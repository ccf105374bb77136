import { describe, expect, it } from 'vitest';
import { audiencesOf } from './library.js';
import { isPhoneNumber, looksPersonal } from './public-info.js';

describe('public contacts', () => {
  it('takes phone numbers as people write them and refuses words', () => {
    for (const ok of ['08-508 000 00', '+46 8 508 000 00', '114 14', '020-22 22 22']) expect(isPhoneNumber(ok), ok).toBe(true);
    for (const bad of ['ring växeln', '12', '08-508 000 00 eller 070', '+46 8 508 000 00 000 000 00']) expect(isPhoneNumber(bad), bad).toBe(false);
  });

  it('flags a mailbox that looks like a person’s own, not a function’s', () => {
    expect(looksPersonal('anna.svensson@stockholm.se')).toBe(true);
    expect(looksPersonal('vbe.prov@stockholm.example')).toBe(false);
    expect(looksPersonal('samordnare.rinkeby@stockholm.se')).toBe(false);
    expect(looksPersonal('info@stockholm.se')).toBe(false);
  });
});

describe('library audiences', () => {
  it('lets coordinators see the coordinators’ documents and other staff only the staff’s', () => {
    expect(audiencesOf([{ role: 'local_coordinator', boardId: 'b' }])).toEqual(['staff', 'coordinators']);
    expect(audiencesOf([{ role: 'central_coordinator', boardId: null }])).toContain('coordinators');
    expect(audiencesOf([{ role: 'contributor', boardId: 'b' }, { role: 'viewer', boardId: 'c' }])).toEqual(['staff']);
  });
});
