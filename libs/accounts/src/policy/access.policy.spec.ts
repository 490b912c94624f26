import { Role, type Actor } from '@app/workflows/common/actor';
import { can, Capability, maySeeSuggestion, ReadGrantKind, suggestionReadGrants, SuggestionReadFacts } from './access.policy';

const actor = (roles: Role[], links: Partial<Actor> = {}): Actor => ({ userId: 'u1', roles, deputyId: null, unitId: null, ...links });
const facts = (overrides: Partial<SuggestionReadFacts> = {}): SuggestionReadFacts => ({
  proposerDeputyIds: ['d1'], unitIds: ['unit1'], isKey: false, leadingLeaderId: null, supervisingLeaderId: null, disclosureState: null, ...overrides,
});

describe('access policy', () => {
  describe('can', () => {
    it.each([
      [Capability.MANAGE_USERS, actor([Role.ADMIN]), true],
      [Capability.MANAGE_USERS, actor([Role.OFFICE]), false],
      [Capability.MANAGE_ROSTERS, actor([Role.OFFICE]), true],
      [Capability.MANAGE_ROSTERS, actor([Role.GOV_OFFICE]), false],
      [Capability.READ_DEPUTY_CONTACTS, actor([Role.UNIT_HEAD], { unitId: 'unit1' }), false],
      [Capability.FILE_SUGGESTION, actor([Role.DEPUTY], { deputyId: 'd1' }), true],
      [Capability.FILE_SUGGESTION, actor([Role.DEPUTY]), false],
      [Capability.BATCH_ASSIGN, actor([Role.GOV_OFFICE]), true],
      [Capability.READ_UNIT_INBOX, actor([Role.UNIT_STAFF], { unitId: 'unit1' }), true],
      [Capability.READ_UNIT_INBOX, actor([Role.UNIT_STAFF]), false],
      [Capability.MANAGE_LIVELIHOOD_CANDIDATES, actor([Role.GOV_OFFICE]), true],
      [Capability.MANAGE_LIVELIHOOD_CANDIDATES, actor([Role.DEPUTY], { deputyId: 'd1' }), false],
      [Capability.READ_LIVELIHOOD_FIGURES, actor([Role.SC_MEMBER]), true],
      [Capability.READ_LIVELIHOOD_FIGURES, actor([Role.UNIT_HEAD], { unitId: 'unit1' }), false],
    ])('%s for %j is %p', (capability, who, expected) => {
      expect(can(who, capability)).toBe(expected);
    });

    it('gives the anonymous public nothing', () => {
      expect(Object.values(Capability).some((capability) => can(null, capability))).toBe(false);
    });
  });

  describe('suggestion reads', () => {
    it.each<[string, Actor | null, Partial<SuggestionReadFacts>, boolean]>([
      ['office: anything', actor([Role.OFFICE]), { proposerDeputyIds: [] }, true],
      ['lead deputy', actor([Role.DEPUTY], { deputyId: 'd1' }), {}, true],
      ['unrelated deputy', actor([Role.DEPUTY], { deputyId: 'd9' }), {}, false],
      // The disclosed, redacted text reaches them through the public portal, not the full record.
      ['unrelated deputy, disclosed', actor([Role.DEPUTY], { deputyId: 'd9' }), { disclosureState: 'published' }, false],
      ['assigned unit', actor([Role.UNIT_STAFF], { unitId: 'unit1' }), {}, true],
      ['other unit', actor([Role.UNIT_HEAD], { unitId: 'unit2' }), {}, false],
      ['leader of a key item', actor([Role.GOV_LEADER]), { isKey: true, leadingLeaderId: 'u1' }, true],
      ['leader of another key item', actor([Role.GOV_LEADER]), { isKey: true, leadingLeaderId: 'u2' }, false],
      ['supervisor of a key item', actor([Role.SC_LEADER]), { isKey: true, supervisingLeaderId: 'u1' }, true],
      ['council member, key item', actor([Role.COUNCIL_MEMBER]), { isKey: true }, true],
      ['committee member, ordinary item', actor([Role.SC_MEMBER]), {}, false],
      ['administrator: accounts, not suggestions', actor([Role.ADMIN]), {}, false],
      ['public, not disclosed', null, {}, false],
      ['public, disclosed', null, { disclosureState: 'published' }, true],
      ['public, withheld', null, { disclosureState: 'withheld' }, false],
    ])('%s → %p', (_name, who, overrides, expected) => {
      expect(maySeeSuggestion(who, facts(overrides))).toBe(expected);
    });

    it('grants a deputy link only with the DEPUTY role', () => {
      const kinds = suggestionReadGrants(actor([Role.OFFICE], { deputyId: 'd1' })).map((grant) => grant.kind);
      expect(kinds).toEqual([ReadGrantKind.JURISDICTION]);
    });
  });
});
