import { eligibility, EligibilityFacts, RuleVersion } from './arrangement-eligibility';

const client: EligibilityFacts = {
  benefitType: 'bijstand',
  targetGroupRegister: false,
  birthYear: 1960,
};

/** The temporary no-risk policy for older workers: hired from WW, 56+, in 2018-2019. */
const olderWorkers: RuleVersion = {
  validFrom: '2018-01-01',
  validTo: '2019-12-31',
  conditions: {
    benefitTypes: ['ww'],
    minAge: 56,
    startsFrom: '2018-01-01',
    startsUntil: '2019-12-31',
  },
};

const register: RuleVersion = {
  validFrom: '2015-01-01',
  validTo: null,
  conditions: { targetGroupRegister: true },
};

describe('arrangement eligibility', () => {
  it('never gives the older-workers no-risk policy to people on social assistance, and says why', () => {
    const result = eligibility(olderWorkers, client, '2019-06-01');
    expect(result.applies).toBe(false);
    expect(result.reasons).toEqual([
      'alleen voor mensen met een WW-uitkering; de klant heeft een bijstandsuitkering (Participatiewet)',
    ]);
  });

  it('applies a rule only while it is in force', () => {
    const ww = { ...client, benefitType: 'ww' as const };
    expect(eligibility(olderWorkers, ww, '2019-06-01')).toEqual({
      applies: true,
      reasons: ['de klant heeft een WW-uitkering', 'de klant is 56 of ouder'],
    });
    expect(eligibility(olderWorkers, ww, '2026-11-23').reasons).toEqual([
      'de regeling gold van 1 januari 2018 tot en met 31 december 2019',
      'alleen bij start tot en met 31 december 2019',
    ]);
  });

  it('reads the doelgroepregister and the age condition', () => {
    expect(eligibility(register, client, '2026-11-23').applies).toBe(false);
    expect(eligibility(register, { ...client, targetGroupRegister: true }, '2026-11-23')).toEqual({
      applies: true,
      reasons: ['de klant staat in het doelgroepregister'],
    });
    const young = { ...client, benefitType: 'ww' as const, birthYear: 1970 };
    expect(eligibility(olderWorkers, young, '2019-06-01').reasons).toEqual([
      'alleen voor mensen van 56 jaar of ouder',
    ]);
  });

  it('covers everyone when a rule has no conditions', () => {
    const open: RuleVersion = { validFrom: '2020-01-01', validTo: null, conditions: {} };
    expect(eligibility(open, client, '2026-01-01')).toEqual({
      applies: true,
      reasons: ['geldt voor alle klanten van het programma'],
    });
  });
});
