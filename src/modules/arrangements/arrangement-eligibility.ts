import { BENEFIT_TYPE_LABELS, BenefitType } from '../candidates/candidate.entity';
import { formatDate } from '../../infra/time/calendar-dates';
import { RuleConditions } from './arrangement-rule.entity';

/** What the rules read of a client. Age is a legal condition here, never a ranking feature. */
export interface EligibilityFacts {
  benefitType: BenefitType;
  targetGroupRegister: boolean;
  birthYear: number;
}

export interface RuleVersion {
  validFrom: string;
  validTo: string | null;
  conditions: RuleConditions;
}

export interface Eligibility {
  applies: boolean;
  /** In Dutch: every condition that fails, or why it applies. */
  reasons: string[];
}

/**
 * Whether one version of a rule applies to a client for an arrangement starting on `date`
 * (ISO): the rule must be in force then, and every condition must hold.
 */
export function eligibility(rule: RuleVersion, facts: EligibilityFacts, date: string): Eligibility {
  const fails: string[] = [];
  const holds: string[] = [];
  if (date < rule.validFrom || (rule.validTo !== null && date > rule.validTo)) {
    fails.push(
      rule.validTo
        ? `de regeling gold van ${formatDate(rule.validFrom)} tot en met ${formatDate(rule.validTo)}`
        : `de regeling geldt pas vanaf ${formatDate(rule.validFrom)}`,
    );
  }
  const c = rule.conditions;
  if (c.startsFrom && date < c.startsFrom)
    fails.push(`alleen bij start vanaf ${formatDate(c.startsFrom)}`);
  if (c.startsUntil && date > c.startsUntil)
    fails.push(`alleen bij start tot en met ${formatDate(c.startsUntil)}`);
  if (c.benefitTypes) {
    const allowed = c.benefitTypes.map((b) => BENEFIT_TYPE_LABELS[b]).join(' of ');
    if (c.benefitTypes.includes(facts.benefitType))
      holds.push(`de klant heeft een ${BENEFIT_TYPE_LABELS[facts.benefitType]}`);
    else
      fails.push(
        `alleen voor mensen met een ${allowed}; de klant heeft een ${BENEFIT_TYPE_LABELS[facts.benefitType]}`,
      );
  }
  if (c.targetGroupRegister === true) {
    if (facts.targetGroupRegister) holds.push('de klant staat in het doelgroepregister');
    else fails.push('alleen voor mensen in het doelgroepregister');
  }
  if (c.minAge !== undefined) {
    const age = Number(date.slice(0, 4)) - facts.birthYear;
    if (age >= c.minAge) holds.push(`de klant is ${c.minAge} of ouder`);
    else fails.push(`alleen voor mensen van ${c.minAge} jaar of ouder`);
  }
  return fails.length > 0
    ? { applies: false, reasons: fails }
    : {
        applies: true,
        reasons: holds.length ? holds : ['geldt voor alle klanten van het programma'],
      };
}
